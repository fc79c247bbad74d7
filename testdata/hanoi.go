// Towers of Hanoi: recursion with a struct of counters passed by pointer, moves recorded in a slice.
package main

import "fmt"

type Stats struct {
	moves    int
	perPeg   [3]int
	lastDisk int
}

func hanoi(n int, from int, to int, via int, st *Stats, log *[]int) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, st, log)
	st.moves++
	st.perPeg[to]++
	st.lastDisk = n
	if len(*log) < 10 {
		*log = append(*log, from*10+to)
	}
	hanoi(n-1, via, to, from, st, log)
}

func main() {
	var st Stats
	var log []int
	hanoi(16, 0, 2, 1, &st, &log)
	fmt.Println(st.moves, st.perPeg[0], st.perPeg[1], st.perPeg[2], st.lastDisk)
	for _, m := range log {
		fmt.Print(m, " ")
	}
	fmt.Println()
}
