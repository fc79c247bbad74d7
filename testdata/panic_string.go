// exit: 2
// panic with a string after some output: stdout so far is kept, stderr starts "panic: boom".
package main

import "fmt"

func explode(n int) {
	if n > 2 {
		panic("boom")
	}
	fmt.Println("level", n)
	explode(n + 1)
}

func main() {
	fmt.Println("start")
	explode(0)
	fmt.Println("unreachable")
}
