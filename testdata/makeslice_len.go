// exit: 2
// make([]T, n) with a negative length from a variable.
package main

import "fmt"

func main() {
	n := 2
	for i := 0; i < 4; i++ {
		s := make([]int, n)
		fmt.Println(len(s))
		n -= 1
	}
}
