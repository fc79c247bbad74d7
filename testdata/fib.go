// Plain recursion: naive fib (many short calls) and an iterative fib compared against it.
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func fibIter(n int) int {
	a := 0
	b := 1
	for i := 0; i < n; i++ {
		t := a + b
		a = b
		b = t
	}
	return a
}

func main() {
	for i := 0; i <= 25; i += 5 {
		fmt.Println(i, fib(i), fibIter(i), fib(i) == fibIter(i))
	}
	fmt.Println(fibIter(92), fibIter(93))
}
