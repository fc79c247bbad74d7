// exit: 1
// Compile error: a function with a result whose body can end without return.
package main

import "fmt"

func pick(n int) int {
	if n > 0 {
		return 1
	}
}

func main() {
	fmt.Println(pick(2))
}
