// exit: 2
// A panic 5,000 frames deep: only the first line is compared, the trace is elided in the middle.
package main

import "fmt"

func descend(n int, acc *int) int {
	*acc += n
	if n == 0 {
		fmt.Println("bottom", *acc)
		panic("deep trouble")
	}
	return descend(n-1, acc) + 1
}

func main() {
	acc := 0
	fmt.Println(descend(5000, &acc))
}
