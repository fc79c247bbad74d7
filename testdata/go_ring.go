// A ring of 100 goroutines passes a token for 10 laps, then closing the first channel shuts the ring down link by link.
package main

import "fmt"

func node(id int, in chan int, out chan int) {
	for {
		v, ok := <-in
		if !ok {
			close(out)
			return
		}
		out <- v + id
	}
}

func main() {
	const n = 100
	first := make(chan int)
	in := first
	for i := 1; i <= n; i++ {
		out := make(chan int)
		go node(i, in, out)
		in = out
	}
	last := in
	token := 0
	for lap := 1; lap <= 10; lap++ {
		first <- token
		token = <-last
		if lap <= 3 || lap == 10 {
			fmt.Println("lap", lap, token)
		}
	}
	close(first)
	_, ok := <-last
	fmt.Println("ring closed", !ok)
}
