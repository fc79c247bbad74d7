// exit: 2
// Receiving from a nil channel blocks forever; with nothing else to run that is a deadlock.
package main

import "fmt"

type Pipe struct {
	name string
	ch   chan int
}

func main() {
	var p Pipe
	p.name = "unset"
	fmt.Println(p.name, p.ch == nil)
	v := <-p.ch
	fmt.Println("unreachable", v)
}
