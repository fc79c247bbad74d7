// exit: 2
// Closing a channel twice panics; the first close is seen by a ranging goroutine.
package main

import "fmt"

func drain(c chan string, done chan int) {
	n := 0
	for s := range c {
		n += len(s)
	}
	done <- n
}

func main() {
	c := make(chan string)
	done := make(chan int)
	go drain(c, done)
	c <- "abc"
	c <- "de"
	close(c)
	fmt.Println("drained", <-done)
	close(c)
	fmt.Println("unreachable")
}
