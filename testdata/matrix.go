// Matrices: a struct holding [4][4]int as a value in frames and [][]int on the heap, multiplication, transposition, identity checks.
package main

import "fmt"

type Mat4 struct {
	m [4][4]int
}

func mul(a Mat4, b Mat4) Mat4 {
	var c Mat4
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			s := 0
			for k := 0; k < 4; k++ {
				s += a.m[i][k] * b.m[k][j]
			}
			c.m[i][j] = s
		}
	}
	return c
}

func newMat(n int, m int) [][]int {
	rows := make([][]int, n)
	for i := 0; i < n; i++ {
		rows[i] = make([]int, m)
	}
	return rows
}

func transpose(a [][]int) [][]int {
	t := newMat(len(a[0]), len(a))
	for i := range a {
		for j := range a[i] {
			t[j][i] = a[i][j]
		}
	}
	return t
}

func main() {
	var id Mat4
	var m Mat4
	for i := 0; i < 4; i++ {
		id.m[i][i] = 1
		for j := 0; j < 4; j++ {
			m.m[i][j] = i*4 + j
		}
	}
	p := mul(m, id)
	q := mul(m, m)
	fmt.Println(p.m[2][3], q.m[0][0], q.m[3][3], q.m[1][2], m.m[1][1])
	power := id
	for i := 0; i < 5; i++ {
		power = mul(power, m)
	}
	fmt.Println(power.m[0][0], power.m[3][1], id.m[3][1])
	a := newMat(3, 5)
	for i := 0; i < 3; i++ {
		for j := 0; j < 5; j++ {
			a[i][j] = i - j
		}
	}
	t := transpose(a)
	fmt.Println(len(t), len(t[0]), t[4][2], t[0][1])
}
