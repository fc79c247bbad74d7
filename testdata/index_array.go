// exit: 2
// Index out of range on a frame array with a variable index.
package main

import "fmt"

func main() {
	var a [4]int
	k := 1
	for i := 0; i < 6; i++ {
		k = k * 2 % 11
		a[k] = i
		fmt.Println(k, a[k])
	}
}
