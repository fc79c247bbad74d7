// GC while 10,000 frames each hold the only pointer to a heap object, then the objects are read back on the way up.
package main

import (
	"fmt"
	"runtime"
)

type Cell struct {
	v    int
	tag  string
	next *Cell
}

func hold(n int, prev *Cell) int {
	c := &Cell{v: n, tag: "c"}
	c.next = prev
	if n == 0 {
		runtime.GC()
		junk := 0
		for i := 0; i < 2000; i++ {
			j := &Cell{v: i}
			junk += j.v
		}
		runtime.GC()
		return junk
	}
	r := hold(n-1, c)
	if c.v != n || c.tag != "c" {
		return -1000000
	}
	if c.next != nil && c.next.v != n+1 {
		return -2000000
	}
	return r + c.v
}

func main() {
	fmt.Println(hold(10000, nil))
}
