// The smallest program: fmt.Println of each printable kind.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
	fmt.Println(42, -7, 0)
	fmt.Println(true, false)
	fmt.Println()
	fmt.Println("a", 1, true, "")
}
