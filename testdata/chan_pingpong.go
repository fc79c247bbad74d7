// Ping-pong: two goroutines hand a counter back and forth over two unbuffered channels; each prints only while it holds the ball.
package main

import "fmt"

type Ball struct {
	hits int
	last string
}

func player(name string, in chan *Ball, out chan *Ball, rounds int, done chan int) {
	for i := 0; i < rounds; i++ {
		b := <-in
		b.hits++
		b.last = name
		if b.hits <= 6 || b.hits%250 == 0 {
			fmt.Println(name, b.hits)
		}
		out <- b
	}
	done <- rounds
}

func main() {
	ping := make(chan *Ball)
	pong := make(chan *Ball)
	done := make(chan int)
	go player("ping", ping, pong, 500, done)
	go player("pong", pong, ping, 500, done)
	ping <- &Ball{}
	// pong's last send has nobody to receive it until main takes the ball from ping.
	<-done
	b := <-ping
	<-done
	fmt.Println("hits", b.hits, "last", b.last)
}
