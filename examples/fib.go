// Calls and returns: naive recursive fib(32), about 7 million calls (a constant argument: the subset has no os or strconv).
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(32))
}
