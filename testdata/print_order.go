// Go evaluates every argument of a print before printing any of them: an argument that prints,
// or receives from a goroutine that prints, must not find the line half written. A local
// variable is read after the calls among the arguments, as Go's compiler orders it.
package main

import "fmt"

func noisy(tag string, v int) int {
	fmt.Println("in noisy", tag)
	return v
}

func bump(x *int) int {
	*x = *x + 10
	return *x
}

func speaker(c chan int) {
	fmt.Println("speaker speaks")
	c <- 42
}

func main() {
	fmt.Println("a", noisy("first", 1), "b", noisy("second", 2))
	fmt.Print("c ", noisy("third", 3), "\n")
	x := 1
	fmt.Println(x, bump(&x), x)
	c := make(chan int)
	go speaker(c)
	fmt.Println("main got", <-c)
	println("stderr", noisy("fourth", 4))
}
