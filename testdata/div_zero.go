// exit: 2
// Integer division by a variable that becomes zero.
package main

import "fmt"

func main() {
	n := 100
	for d := 3; d >= 0; d-- {
		fmt.Println(n / d)
	}
}
