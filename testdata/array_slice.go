// Slicing a local array: the slice shares the frame's array, writes go both ways, and it survives calls and growth of the stack.
package main

import "fmt"

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func deepen(n int, s []int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		s[0] += 1000
		return sum(s)
	}
	return deepen(n-1, s) + pad[0]*0
}

func main() {
	var a [6]int
	for i := 0; i < 6; i++ {
		a[i] = i + 1
	}
	s := a[1:4]
	s[0] = 20
	fmt.Println(a[1], len(s), cap(s), sum(s))
	a[2] = 30
	fmt.Println(s[1])
	fmt.Println(deepen(5000, s), a[1])
	t := a[:]
	u := a[4:]
	fmt.Println(len(t), cap(t), len(u), cap(u), u[1])
	s = append(s, 99)
	fmt.Println(a[4], len(s), cap(s))
}
