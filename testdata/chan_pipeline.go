// Pipeline: generator -> square -> sum stages connected by unbuffered channels, each stage closing its output when its input is drained.
package main

import "fmt"

func gen(n int, out chan int) {
	for i := 1; i <= n; i++ {
		out <- i
	}
	close(out)
}

func square(in chan int, out chan int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func addOdd(in chan int, out chan int) {
	for v := range in {
		if v%2 == 1 {
			out <- v + 1000
		}
	}
	close(out)
}

func sum(in chan int, result chan int) {
	total := 0
	for v := range in {
		total += v
	}
	result <- total
}

func main() {
	nums := make(chan int)
	squares := make(chan int)
	result := make(chan int)
	go gen(100, nums)
	go square(nums, squares)
	go sum(squares, result)
	fmt.Println("sum of squares 1..100:", <-result)

	// A longer chain, with a buffered middle link; main reads the last stage itself.
	a := make(chan int)
	b := make(chan int, 4)
	c := make(chan int)
	go gen(20, a)
	go square(a, b)
	go addOdd(b, c)
	for v := range c {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
