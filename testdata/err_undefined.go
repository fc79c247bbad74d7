// exit: 1
// Compile error: use of an undefined name.
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x + y)
}
