// exit: 2
// Slicing a frame array beyond its length.
package main

import "fmt"

func main() {
	var a [6]int
	n := 3
	for i := 0; i < 3; i++ {
		s := a[:n]
		fmt.Println(len(s), cap(s))
		n += 2
	}
}
