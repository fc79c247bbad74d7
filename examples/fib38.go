// Calls and returns at benchmark size: fib(38), 126 million calls, to compare with /work/shared/anchors/fib.lua 38.
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(38))
}
