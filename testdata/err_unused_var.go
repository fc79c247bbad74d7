// exit: 1
// Compile error: a local variable declared and never used.
package main

import "fmt"

func main() {
	used := 1
	unused := 2
	fmt.Println(used)
}
