// pingpong: two goroutines pass a counter back and forth over two unbuffered channels, 1,000,000
// round trips (two channel handoffs and two goroutine switches each), then print the count.
// run.sh times the whole process against the same program built with Go 1.19.
package main

import "fmt"

// rounds is the number of round trips; run.sh divides times by it.
const rounds = 1000000

// ping starts each round trip and waits for it to come back.
func ping(n int, to chan int, from chan int, done chan int) {
	v := 0
	for i := 0; i < n; i++ {
		to <- v
		v = <-from
	}
	close(to)
	done <- v
}

// pong answers every value with its successor until ping closes the channel.
func pong(from chan int, to chan int) {
	for v := range from {
		to <- v + 1
	}
}

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan int)
	go pong(a, b)
	go ping(rounds, a, b, done)
	fmt.Println(<-done)
}
