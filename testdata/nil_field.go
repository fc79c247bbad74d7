// exit: 2
// Reading a field through a nil *T: Go's nil pointer dereference panic.
package main

import "fmt"

type Node struct {
	val  int
	next *Node
}

func sum(n *Node, count int) int {
	if count == 0 {
		return 0
	}
	return n.val + sum(n.next, count-1)
}

func main() {
	list := &Node{1, &Node{2, &Node{3, nil}}}
	fmt.Println(sum(list, 3))
	fmt.Println(sum(list, 4))
}
