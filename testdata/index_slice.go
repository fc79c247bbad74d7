// exit: 2
// Index out of range on a slice with a variable index.
package main

import "fmt"

func get(s []int, i int) int {
	return s[i]
}

func main() {
	s := []int{10, 20, 30}
	for i := 0; i < 5; i++ {
		fmt.Println(get(s, i))
	}
}
