// exit: 1
// Compile error: = to a name that was never declared.
package main

import "fmt"

func main() {
	total := 0
	count = 5
	fmt.Println(total)
}
