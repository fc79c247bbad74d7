// exit: 2
// skip-stress: stack-move moving a stack that grows to 512 MB at every call is quadratic and impossible to finish
// A goroutine recurses without bound while main waits on a channel: the fatal stack overflow report ends the program.
package main

import "fmt"

func down(n int) int {
	var pad [8]int
	pad[n%8] = n
	return down(n+1) + pad[0]
}

// runaway waits for main to print before it recurses, so main's output comes first whatever the scheduler.
func runaway(start int, out chan int, ack chan bool) {
	out <- start
	<-ack
	out <- down(start)
}

func main() {
	out := make(chan int)
	ack := make(chan bool)
	go runaway(7, out, ack)
	fmt.Println("started", <-out)
	ack <- true
	fmt.Println(<-out)
}
