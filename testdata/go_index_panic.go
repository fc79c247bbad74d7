// exit: 2
// A runtime error (index out of range) a few calls deep in a goroutine, while main is blocked receiving, ends the program.
package main

import "fmt"

func lookup(table []int, i int) int {
	return table[i]
}

// scan hands each partial sum to main and waits for main to print it before going on, so the
// output before the panic does not depend on scheduling.
func scan(table []int, n int, out chan int, ack chan bool) {
	s := 0
	for i := 0; i < n; i++ {
		s += lookup(table, i)
		out <- s
		<-ack
	}
}

func main() {
	out := make(chan int)
	ack := make(chan bool)
	go scan([]int{5, 6, 7}, 6, out, ack)
	for {
		fmt.Println(<-out)
		ack <- true
	}
}
