// Heavy allocation for the collector: binary trees, lists built and dropped, slices of pointers, interior pointers (&arr[i].f, sub-slices), strings.
package main

import "fmt"

// Allocates heavily so that the collector runs many times: binary trees, lists built and
// dropped in loops, slices of pointers, interior pointers and strings, all checked after.

type Tree struct {
	left, right *Tree
}

func bottomUp(d int) *Tree {
	if d == 0 {
		return &Tree{}
	}
	return &Tree{bottomUp(d - 1), bottomUp(d - 1)}
}

func (t *Tree) check() int {
	if t.left == nil {
		return 1
	}
	return 1 + t.left.check() + t.right.check()
}

type Cell struct {
	val  int
	name string
	next *Cell
}

type Pair struct {
	a, b int
}

func list(n int, tag string) *Cell {
	var head *Cell
	for i := 0; i < n; i++ {
		head = &Cell{i, tag, head}
	}
	return head
}

func sum(c *Cell) int {
	s := 0
	for c != nil {
		s += c.val
		c = c.next
	}
	return s
}

func main() {
	long := bottomUp(6)
	total := 0
	for d := 4; d <= 6; d += 2 {
		iters := 1 << (6 - d + 2)
		c := 0
		for i := 0; i < iters; i++ {
			c += bottomUp(d).check()
		}
		total += c
		fmt.Println(iters, "trees of depth", d, "check:", c)
	}
	fmt.Println("long lived tree check:", long.check(), total)

	kept := list(100, "kept")
	for round := 0; round < 20; round++ {
		l := list(300, "dropped")
		if sum(l) != 44850 {
			fmt.Println("bad sum")
		}
	}
	fmt.Println("kept list:", sum(kept), kept.name, kept.next.name)

	var ptrs []*Pair
	for i := 0; i < 1000; i++ {
		ptrs = append(ptrs, &Pair{i, 2 * i})
		_ = list(10, "junk")
	}
	s := 0
	for _, p := range ptrs {
		s += p.b - p.a
	}
	fmt.Println("pairs:", len(ptrs), s)

	arr := make([]Pair, 100)
	inner := &arr[42].b
	sub := arr[10:20]
	for i := 0; i < 2000; i++ {
		_ = bottomUp(3)
	}
	*inner = 7
	sub[0].a = 5
	fmt.Println("interior:", arr[42].b, arr[10].a, len(sub), cap(sub))

	str := ""
	for i := 0; i < 300; i++ {
		str = str + "xy"
		_ = list(5, str)
	}
	fmt.Println("string:", len(str), str == "xy" || len(str) == 600)
	words := []string{}
	for i := 0; i < 200; i++ {
		words = append(words, "w"+"ord")
	}
	fmt.Println("words:", len(words), words[199])
}
