// exit: 2
// Closing a nil channel panics.
package main

import "fmt"

type Stream struct {
	out chan int
}

func shut(s *Stream) {
	close(s.out)
}

func main() {
	s := &Stream{}
	fmt.Println("closing", s.out == nil)
	shut(s)
	fmt.Println("unreachable")
}
