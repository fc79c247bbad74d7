// exit: 2
// A shift by a negative (signed int) amount panics at run time.
package main

import "fmt"

func main() {
	x := 1
	for s := 2; ; s-- {
		fmt.Println(x << s)
	}
}
