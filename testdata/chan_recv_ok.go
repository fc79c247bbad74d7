// Two-value receive: a closed buffered channel yields its values with ok true, then zero values with ok false, for several element types.
package main

import "fmt"

type Pair struct {
	name string
	n    int
}

func sender(out chan int, n int) {
	for i := 1; i <= n; i++ {
		out <- i * 10
	}
	close(out)
}

func main() {
	ints := make(chan int, 3)
	ints <- 7
	ints <- 8
	close(ints)
	for i := 0; i < 4; i++ {
		v, ok := <-ints
		fmt.Println(v, ok)
	}

	strs := make(chan string, 2)
	strs <- "kept"
	close(strs)
	s, ok := <-strs
	fmt.Println(s, ok)
	s, ok = <-strs
	fmt.Println("["+s+"]", ok, len(s))

	pairs := make(chan Pair, 1)
	pairs <- Pair{"one", 1}
	close(pairs)
	p, ok := <-pairs
	fmt.Println(p.name, p.n, ok)
	p, ok = <-pairs
	fmt.Println("["+p.name+"]", p.n, ok)

	ptrs := make(chan *Pair)
	close(ptrs)
	q, ok := <-ptrs
	fmt.Println(q == nil, ok)

	bools := make(chan bool, 1)
	bools <- true
	close(bools)
	b1, ok1 := <-bools
	b2, ok2 := <-bools
	fmt.Println(b1, ok1, b2, ok2)

	// Unbuffered, closed by another goroutine after its last send.
	un := make(chan int)
	go sender(un, 3)
	total := 0
	for {
		v, more := <-un
		if !more {
			fmt.Println("closed after", total, "value", v)
			break
		}
		total += v
	}
	// A plain receive on a closed channel also gives the zero value.
	fmt.Println(<-un, <-ints, <-strs == "")
}
