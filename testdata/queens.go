// N-queens by backtracking: a [12]int array in main's frame written through a pointer at every depth.
package main

import "fmt"

func safe(cols *[12]int, row int, col int) bool {
	for r := 0; r < row; r++ {
		c := cols[r]
		if c == col || c-col == row-r || col-c == row-r {
			return false
		}
	}
	return true
}

func solve(cols *[12]int, row int, n int, count *int) {
	if row == n {
		*count++
		return
	}
	for c := 0; c < n; c++ {
		if safe(cols, row, c) {
			cols[row] = c
			solve(cols, row+1, n, count)
		}
	}
}

func main() {
	var cols [12]int
	for n := 1; n <= 9; n++ {
		count := 0
		solve(&cols, 0, n, &count)
		fmt.Print(count, " ")
	}
	fmt.Println()
}
