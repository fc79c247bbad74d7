// exit: 2
// s[a:b] with a > b.
package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	lo := 2
	hi := 3
	fmt.Println(len(s[lo:hi]))
	lo = 4
	fmt.Println(len(s[lo:hi]))
}
