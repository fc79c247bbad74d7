// exit: 2
// panic("boom") in a worker goroutine while main waits on a channel ends the whole program with the panic.
package main

import "fmt"

func work(n int, jobs chan int, results chan int) {
	for j := range jobs {
		if j == n {
			panic("boom")
		}
		fmt.Println("job", j)
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan int)
	go work(3, jobs, results)
	for i := 0; i < 5; i++ {
		jobs <- i
		if i < 3 {
			fmt.Println("result", <-results)
		}
	}
	fmt.Println("unreachable")
}
