// Large frames: each frame holds a [200]int array; callees write into their callers' arrays through pointers and slices.
package main

import "fmt"

func level(n int, parent *[200]int, up []int) int {
	var mine [200]int
	for i := 0; i < 200; i += 50 {
		mine[i] = n + i
	}
	if parent != nil {
		parent[199] = n
		up[0] += 1
	}
	if n == 0 {
		return mine[150]
	}
	r := level(n-1, &mine, mine[10:20])
	return r + mine[199] + mine[10] - n + 1
}

func main() {
	var top [200]int
	fmt.Println(level(1500, &top, top[:]))
	fmt.Println(top[0], top[199])
}
