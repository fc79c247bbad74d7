// exit: 2
// Every goroutine ends up blocked (a receive cycle, a send nobody takes, main waiting on a result): deadlock, after the work that could be done was done.
package main

import "fmt"

func relay(in chan int, out chan int) {
	v := <-in
	out <- v + 1
}

func stuckSend(c chan int) {
	c <- 1
	c <- 2
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go relay(a, b)
	go relay(b, a)
	c := make(chan int)
	go stuckSend(c)
	fmt.Println("first", <-c)
	buf := make(chan int, 2)
	buf <- 1
	buf <- 2
	fmt.Println("buffered", len(buf))
	result := make(chan int)
	fmt.Println("waiting")
	fmt.Println(<-result)
}
