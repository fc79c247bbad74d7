// append growth: Go's exact capacities (doubling, the 1.18 growth formula past 256, size-class rounding) for several element sizes.
package main

import "fmt"

type Pair struct {
	a int
	b int
}

type Triple struct {
	a int
	b int
	c int
}

func main() {
	var s []int
	fmt.Println(len(s), cap(s), s == nil)
	last := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != last {
			last = cap(s)
			fmt.Print(len(s), ":", cap(s), " ")
		}
	}
	fmt.Println()
	fmt.Println(s[0], s[999], s[1999])

	var ps []Pair
	last = -1
	for i := 0; i < 600; i++ {
		ps = append(ps, Pair{i, -i})
		if cap(ps) != last {
			last = cap(ps)
			fmt.Print(cap(ps), " ")
		}
	}
	fmt.Println(ps[599].b)

	var ts []Triple
	last = -1
	for i := 0; i < 600; i++ {
		ts = append(ts, Triple{a: i})
		if cap(ts) != last {
			last = cap(ts)
			fmt.Print(cap(ts), " ")
		}
	}
	fmt.Println(ts[598].a)

	var pp []*Pair
	for i := 0; i < 5; i++ {
		pp = append(pp, &Pair{i, i})
	}
	fmt.Println(len(pp), cap(pp), pp[4].a)

	m := make([]int, 0)
	fmt.Println(len(m), cap(m), m == nil)
	m = append(m, 1, 2, 3)
	fmt.Println(len(m), cap(m))
	m = append(m, 4, 5, 6, 7, 8)
	fmt.Println(len(m), cap(m))
	var n []int
	n = append(n, 1, 2, 3, 4, 5)
	fmt.Println(len(n), cap(n))
	n = append(n, 6, 7, 8, 9, 10, 11, 12, 13)
	fmt.Println(len(n), cap(n))
	k := make([]int, 3, 10)
	fmt.Println(len(k), cap(k), k[2])
	k = append(k, 1)
	fmt.Println(len(k), cap(k), k[3])
	z := make([]int, 7)
	z = append(z, 1)
	fmt.Println(len(z), cap(z))
	var strs []string
	for i := 0; i < 9; i++ {
		strs = append(strs, "s")
		fmt.Print(cap(strs), " ")
	}
	fmt.Println(len(strs))
}
