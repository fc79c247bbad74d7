// Allocation-heavy binary trees (like the bintrees anchor, at depth 6 so that a collection at every allocation stays affordable): short-lived trees, one long-lived tree, explicit GCs.
package main

import (
	"fmt"
	"runtime"
)

type Tree struct {
	left  *Tree
	right *Tree
}

func bottomUp(depth int) *Tree {
	if depth <= 0 {
		return &Tree{}
	}
	return &Tree{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (t *Tree) check() int {
	if t.left == nil {
		return 1
	}
	return 1 + t.left.check() + t.right.check()
}

func main() {
	maxDepth := 6
	stretch := bottomUp(maxDepth + 1)
	fmt.Println("stretch tree of depth", maxDepth+1, "check:", stretch.check())
	longLived := bottomUp(maxDepth)
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << (maxDepth - d + 4)
		check := 0
		for i := 0; i < iters; i++ {
			check += bottomUp(d).check()
		}
		fmt.Println(iters, "trees of depth", d, "check:", check)
		runtime.GC()
	}
	fmt.Println("long lived tree of depth", maxDepth, "check:", longLived.check())
}
