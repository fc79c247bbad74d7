// Concurrent prime sieve that ends by closing: a bounded generator and a chain of filter goroutines that range over their input and close their output.
package main

import "fmt"

func generate(limit int, out chan int) {
	for i := 2; i <= limit; i++ {
		out <- i
	}
	close(out)
}

func filter(in chan int, out chan int, prime int) {
	for v := range in {
		if v%prime != 0 {
			out <- v
		}
	}
	close(out)
}

func main() {
	ch := make(chan int)
	go generate(400, ch)
	count := 0
	sum := 0
	for {
		prime, ok := <-ch
		if !ok {
			break
		}
		count++
		sum += prime
		if count <= 30 {
			fmt.Print(prime, " ")
		}
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	fmt.Println()
	fmt.Println("primes:", count, "sum:", sum)
}
