// Fixed arrays in frames: value semantics on assignment and call, variable indexes, arrays of structs and of arrays.
package main

import "fmt"

type Cell struct {
	v    int
	seen bool
}

func double(a [5]int) [5]int {
	for i := 0; i < len(a); i++ {
		a[i] *= 2
	}
	return a
}

func fill(a *[5]int, v int) {
	for i := 0; i < len(*a); i++ {
		a[i] = v + i
	}
}

func main() {
	var a [5]int
	for i := 0; i < 5; i++ {
		a[i] = i * i
	}
	b := a
	b[0] = 100
	d := double(a)
	fmt.Println(a[0], a[4], b[0], d[4], len(d))
	fill(&a, 10)
	fmt.Println(a[0], a[1], a[4], b[1])
	k := 3
	a[k] = a[k-1] + a[k+1]
	fmt.Println(a[k])

	var cells [4]Cell
	cells[2].v = 7
	cells[2].seen = true
	cp := cells
	cp[2].v = 8
	fmt.Println(cells[2].v, cp[2].v, cells[1].seen, cp[2].seen)

	var grid [3][4]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			grid[i][j] = i*10 + j
		}
	}
	row := grid[1]
	row[0] = -1
	fmt.Println(grid[1][0], row[0], grid[2][3], len(grid), len(grid[0]))
	lit := [4]string{"a", "b", "c", "d"}
	idx := []int{2, 0, 3}
	out := ""
	for _, j := range idx {
		out += lit[j]
	}
	fmt.Println(out)
	sum := 0
	for i := 0; i < len(d); i++ {
		sum += i * d[i]
	}
	fmt.Println(sum)
	sparse := [6]int{1: 10, 4: 40}
	fmt.Println(sparse[0], sparse[1], sparse[4], sparse[5])
}
