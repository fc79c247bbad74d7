// exit: 2
// panic with an int argument prints the number (Go adds no type decoration for int).
package main

import "fmt"

func check(v int) int {
	if v%7 == 6 {
		panic(v * 7)
	}
	return v + 1
}

func main() {
	v := 0
	for i := 0; i < 10; i++ {
		v = check(v)
		fmt.Println(v)
	}
}
