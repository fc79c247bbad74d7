// exit: 2
// Modulo by zero is Go's integer divide by zero panic too.
package main

import "fmt"

func rem(a int, b int) int {
	return a % b
}

func main() {
	fmt.Println(rem(7, 3))
	zero := 0
	fmt.Println(rem(7, zero))
}
