// Channels of channels: clients send a request holding their own reply channel to a server goroutine, which answers on it.
package main

import "fmt"

type Request struct {
	n     int
	reply chan int
}

func server(reqs chan Request, stop chan chan int) {
	served := 0
	for {
		r, ok := <-reqs
		if !ok {
			break
		}
		served++
		r.reply <- r.n * r.n
	}
	ack := <-stop
	ack <- served
}

func client(id int, reqs chan Request, out chan int) {
	mine := make(chan int)
	total := 0
	for i := 1; i <= 3; i++ {
		reqs <- Request{id*10 + i, mine}
		total += <-mine
	}
	out <- total
}

func main() {
	reqs := make(chan Request)
	stop := make(chan chan int)
	go server(reqs, stop)

	reply := make(chan int)
	reqs <- Request{n: 12, reply: reply}
	fmt.Println(<-reply)

	out := make(chan int)
	for id := 1; id <= 4; id++ {
		go client(id, reqs, out)
	}
	grand := 0
	for i := 0; i < 4; i++ {
		grand += <-out
	}
	fmt.Println("grand", grand)
	close(reqs)

	ack := make(chan int)
	stop <- ack
	fmt.Println("served", <-ack)

	// A channel of channels, buffered, passing channels around by value.
	pool := make(chan chan int, 2)
	a := make(chan int, 1)
	pool <- a
	pool <- make(chan int, 1)
	got := <-pool
	got <- 5
	fmt.Println(got == a, <-a)
	b := <-pool
	fmt.Println(b == a, cap(b))
}
