package main

import "fmt"

// Binary trees (the Computer Language Benchmarks Game's shape) at depth 16, after
// /work/shared/anchors/bintrees.go with the depth fixed.

type Node struct {
	l, r *Node
}

func make_(d int) *Node {
	if d == 0 {
		return &Node{}
	}
	return &Node{make_(d - 1), make_(d - 1)}
}

func (t *Node) check() int {
	if t.l != nil {
		return 1 + t.l.check() + t.r.check()
	}
	return 1
}

func main() {
	N := 16
	long := make_(N)
	total := 0
	for d := 4; d <= N; d += 2 {
		iters := 1 << (N - d + 4)
		c := 0
		for i := 0; i < iters; i++ {
			c += make_(d).check()
		}
		total += c
	}
	fmt.Println(total + long.check())
}
