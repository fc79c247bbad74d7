// Slicing shares the backing array: writes through one slice show in another; append within cap aliases, beyond cap copies.
package main

import "fmt"

func show(name string, s []int) {
	fmt.Print(name, " len=", len(s), " cap=", cap(s), " [")
	for i, v := range s {
		if i > 0 {
			fmt.Print(" ")
		}
		fmt.Print(v)
	}
	fmt.Println("]")
}

func setFirst(s []int, v int) {
	s[0] = v
}

func grow(s []int) []int {
	return append(s, 100)
}

func main() {
	base := []int{0, 1, 2, 3, 4, 5, 6, 7}
	a := base[2:5]
	b := base[4:]
	c := base[:3]
	show("a", a)
	show("b", b)
	show("c", c)
	a[2] = 40
	show("b", b)
	setFirst(c, -1)
	show("base", base)

	d := a[1:2]
	show("d", d)
	e := append(d, 77)
	show("e", e)
	show("base", base)

	f := base[6:8]
	g := append(f, 88)
	g[0] = 600
	show("f", f)
	show("g", g)

	h := make([]int, 3, 4)
	x := append(h, 1)
	y := append(h, 2)
	show("x", x)
	show("y", y)

	w := grow(h[:1])
	show("h", h)
	show("w", w)
	empty := base[3:3]
	show("empty", empty)
	full := base[0:len(base)]
	full[7] = 7000
	show("base", base)
	tail := base[len(base):]
	show("tail", tail)
}
