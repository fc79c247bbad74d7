// exit: 2
// main receives on a channel nobody sends to and no other goroutine exists: Go's deadlock fatal error.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting")
	v := <-ch
	fmt.Println("unreachable", v)
}
