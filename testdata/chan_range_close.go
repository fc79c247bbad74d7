// close and for-range over channels: a producer closes, the consumer's range ends; a closed buffered channel is drained by range in FIFO order.
package main

import "fmt"

func produce(words []string, out chan string) {
	for _, w := range words {
		out <- w
	}
	close(out)
}

func count(in chan string, result chan int) {
	n := 0
	for s := range in {
		n += len(s)
	}
	result <- n
}

func main() {
	words := make(chan string)
	go produce([]string{"alpha", "beta", "gamma", "delta"}, words)
	for w := range words {
		fmt.Println(w, len(w))
	}

	buf := make(chan int, 8)
	for i := 0; i < 8; i++ {
		buf <- i * i
	}
	close(buf)
	for v := range buf {
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Ranging over a drained closed channel does nothing.
	for v := range buf {
		fmt.Println("never", v)
	}

	lines := make(chan string, 2)
	result := make(chan int)
	go count(lines, result)
	for i := 0; i < 17; i++ {
		lines <- "x"
	}
	close(lines)
	fmt.Println("counted", <-result)

	empty := make(chan bool)
	close(empty)
	n := 0
	for v := range empty {
		if v {
			n++
		}
		n++
	}
	fmt.Println("empty closed channel gave", n)
}
