// The concurrent prime sieve from Go's documentation: a generator goroutine and a daisy chain of filter goroutines, one per prime found (the first 100).
package main

import "fmt"

// generate sends the sequence 2, 3, 4, ... to channel ch.
func generate(ch chan int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

// filter copies the values from channel in to channel out, removing those divisible by prime.
func filter(in chan int, out chan int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

// main daisy-chains filter goroutines; when it returns, the program ends with them all blocked.
func main() {
	ch := make(chan int)
	go generate(ch)
	for i := 0; i < 100; i++ {
		prime := <-ch
		fmt.Println(prime)
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
}
