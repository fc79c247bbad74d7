// exit: 2
// Writing through a nil *int passed as a parameter.
package main

import "fmt"

func store(p *int, v int) {
	*p = v
}

func main() {
	x := 0
	store(&x, 5)
	fmt.Println(x)
	var q *int
	store(q, 6)
	fmt.Println("unreachable")
}
