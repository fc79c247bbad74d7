// A pointer to main's local threaded through 10,000 frames: the stack grows and moves many times.
package main

import "fmt"

func depth(n int, acc *int) int {
	if n == 0 {
		return *acc
	}
	*acc += 2
	return depth(n-1, acc) + 0*n
}

func main() {
	acc := 0
	fmt.Println(depth(10000, &acc))
	fmt.Println(acc)
}
