// go with method calls: value receivers are copied at the go statement, pointer receivers share the object, arguments are evaluated before the goroutine starts.
package main

import "fmt"

type Counter struct {
	name string
	step int
}

func (c Counter) count(n int, out chan string) {
	total := 0
	for i := 0; i < n; i++ {
		total += c.step
	}
	if total > 50 {
		out <- c.name + " big"
	} else {
		out <- c.name + " small"
	}
}

type Acc struct {
	total int
	log   []int
}

func (a *Acc) add(vals []int, done chan bool) {
	for _, v := range vals {
		a.total += v
		a.log = append(a.log, v)
	}
	done <- true
}

func (a *Acc) serve(in chan int, done chan bool) {
	for v := range in {
		a.total += v
	}
	done <- true
}

func tagged(i int, label string, out chan int) {
	out <- i*100 + len(label)
}

func main() {
	out := make(chan string)
	c := Counter{"c", 3}
	go c.count(5, out)
	c.step = 100
	c.name = "changed"
	fmt.Println(<-out)
	go c.count(5, out)
	fmt.Println(<-out)

	pc := &Counter{"pc", 20}
	go pc.count(3, out)
	pc.name = "later"
	fmt.Println(<-out)

	done := make(chan bool)
	a := &Acc{}
	go a.add([]int{1, 2, 3}, done)
	<-done
	fmt.Println(a.total, len(a.log))

	var b Acc
	go b.add([]int{10, 20}, done)
	<-done
	go b.add([]int{30}, done)
	<-done
	fmt.Println(b.total, len(b.log), b.log[2])

	in := make(chan int)
	go b.serve(in, done)
	for i := 1; i <= 10; i++ {
		in <- i
	}
	close(in)
	<-done
	fmt.Println(b.total)

	nums := make(chan int, 3)
	label := "ab"
	for i := 0; i < 3; i++ {
		go tagged(i, label, nums)
		label = label + "c"
	}
	fmt.Println(<-nums + <-nums + <-nums)
}
