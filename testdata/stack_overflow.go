// exit: 2
// skip-stress: stack-move moving a stack that grows to 512 MB at every call is quadratic and impossible to finish
// Unbounded recursion reaches the 1,000,000,000-byte stack limit: Go's fatal stack overflow report.
package main

import "fmt"

func down(n int) int {
	var pad [8]int
	pad[n%8] = n
	return down(n+1) + pad[0]
}

func main() {
	fmt.Println("before")
	fmt.Println(down(0))
}
