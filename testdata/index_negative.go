// exit: 2
// A negative variable index is reported with its value.
package main

import "fmt"

func main() {
	s := make([]int, 5)
	i := 2
	for {
		s[i] = i
		fmt.Println(i)
		i -= 2
	}
}
