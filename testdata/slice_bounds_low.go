// exit: 2
// s[a:] with a beyond the length.
package main

import "fmt"

func tail(s []int, from int) []int {
	return s[from:]
}

func main() {
	s := make([]int, 4, 10)
	fmt.Println(len(tail(s, 4)))
	fmt.Println(len(tail(s, 6)))
}
