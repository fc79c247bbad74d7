// Goroutines park 2,500 and 1,000 frames deep holding pointers to their own locals while main allocates and collects; woken, they check every value through those pointers.
package main

import (
	"fmt"
	"runtime"
)

type Frame struct {
	depth int
	neg   int
}

type Cell struct {
	val  int
	next *Cell
	name string
}

// dive recurses to limit; every level owns mine, f and pair, and keeps pointers to them (self
// points into its own frame, up into its caller's). The bottom level parks on gate.
func dive(n int, limit int, up *int, bad *int, ready chan int, gate chan int, report chan int) {
	mine := n*7 + 1
	f := Frame{depth: n, neg: -n}
	self := &f.neg
	var pair [2]int
	pair[0] = n
	pair[1] = n * n
	if n == limit {
		ready <- limit
		mine += <-gate
	} else {
		dive(n+1, limit, &mine, bad, ready, gate, report)
	}
	if *self != -n || f.depth != n || pair[0] != n || pair[1] != n*n {
		*bad = *bad + 1
	}
	if up != nil {
		*up += mine
	}
	if n == 0 {
		report <- mine
	}
}

func start(limit int, ready chan int, gate chan int, report chan int, badOut chan int) {
	bad := 0
	dive(0, limit, nil, &bad, ready, gate, report)
	badOut <- bad
}

func build(n int, tag string) *Cell {
	var head *Cell
	for i := 0; i < n; i++ {
		head = &Cell{val: i, next: head, name: tag}
	}
	return head
}

func length(c *Cell) int {
	n := 0
	for c != nil {
		n++
		c = c.next
	}
	return n
}

func main() {
	ready := make(chan int)
	gate := make(chan int)
	report := make(chan int)
	badOut := make(chan int)
	go start(2500, ready, gate, report, badOut)
	go start(1000, ready, gate, report, badOut)
	fmt.Println(<-ready + <-ready)

	// Both goroutines are deep in their recursion now; allocate and collect around them.
	keep := build(600, "keep")
	for i := 0; i < 4; i++ {
		build(200, "drop")
		runtime.GC()
	}
	s := make([]int, 0)
	for i := 0; i < 100; i++ {
		s = append(s, i)
	}
	fmt.Println(length(keep), keep.name, keep.val, len(s))

	gate <- 1000000
	gate <- 1000000
	sum := <-report + <-report
	bad := <-badOut + <-badOut
	fmt.Println(sum, bad)
}
