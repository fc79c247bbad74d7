// runtime.Gosched sprinkled through producers, consumers and main: it only yields, so the output does not depend on it.
package main

import (
	"fmt"
	"runtime"
)

func producer(id int, n int, out chan int) {
	for i := 0; i < n; i++ {
		out <- id*1000 + i
		if i%3 == 0 {
			runtime.Gosched()
		}
	}
	out <- -1
}

func spinSum(n int, result chan int) {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
		if i%10 == 0 {
			runtime.Gosched()
		}
	}
	result <- s
}

func main() {
	runtime.Gosched()
	fmt.Println("alone")

	ch := make(chan int, 4)
	for id := 1; id <= 3; id++ {
		go producer(id, 20, ch)
	}
	finished := 0
	total := 0
	count := 0
	for finished < 3 {
		v := <-ch
		if v < 0 {
			finished++
			continue
		}
		total += v
		count++
		runtime.Gosched()
	}
	fmt.Println(count, total)

	result := make(chan int)
	go spinSum(100, result)
	go spinSum(200, result)
	for i := 0; i < 50; i++ {
		runtime.Gosched()
	}
	a := <-result
	b := <-result
	fmt.Println(a + b)
}
