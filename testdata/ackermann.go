// Ackermann's function for small arguments: deep, irregular recursion where the stack grows and shrinks repeatedly.
package main

import "fmt"

func ack(m int, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func main() {
	for m := 0; m <= 3; m++ {
		for n := 0; n <= 4; n++ {
			fmt.Print(ack(m, n), " ")
		}
		fmt.Println()
	}
	fmt.Println(ack(2, 100), ack(3, 6))
}
