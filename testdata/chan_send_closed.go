// exit: 2
// Sending on a closed channel panics, even when the buffer has room.
package main

import "fmt"

func fill(c chan int, done chan bool) {
	c <- 1
	c <- 2
	done <- true
}

func main() {
	c := make(chan int, 5)
	done := make(chan bool)
	go fill(c, done)
	<-done
	close(c)
	fmt.Println(len(c), <-c)
	c <- 3
	fmt.Println("unreachable")
}
