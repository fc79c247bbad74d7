// exit: 1
// Compile error: int + string.
package main

import "fmt"

func main() {
	n := 3
	s := "x"
	fmt.Println(n + s)
}
