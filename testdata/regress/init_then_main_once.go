// A program with an init function (a global with an initialiser) whose main parks on a channel
// before it returns: main must run once. Found by the differential test's goroutine programs.
package main

import "fmt"

var g = 1

func worker(done chan int) {
	done <- g
}

func main() {
	done := make(chan int)
	go worker(done)
	fmt.Println("main", <-done)
}
