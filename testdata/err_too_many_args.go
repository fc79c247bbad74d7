// exit: 1
// Compile error: too many arguments in a call.
package main

import "fmt"

func one(a int) int {
	return a
}

func main() {
	fmt.Println(one(1, 2))
}
