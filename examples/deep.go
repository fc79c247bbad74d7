// Stack growth: recursion 1,000,000 deep, every frame with a 16-word array, threading a pointer to main's local all the way down.
package main

import "fmt"

func depth(n int, acc *int) int {
	var local [16]int
	local[n%16] = n
	if n == 0 {
		return *acc
	}
	*acc++
	return depth(n-1, acc) + local[0]*0
}

func main() {
	acc := 0
	fmt.Println(depth(1000000, &acc))
}
