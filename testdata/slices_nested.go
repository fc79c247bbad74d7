// Slices of slices (a ragged triangle), slices of pointers, element-by-element copying, and reversing in place.
package main

import "fmt"

type Item struct {
	id    int
	score int
}

func pascal(n int) [][]int {
	var rows [][]int
	for i := 0; i < n; i++ {
		row := make([]int, i+1)
		row[0] = 1
		row[i] = 1
		for j := 1; j < i; j++ {
			row[j] = rows[i-1][j-1] + rows[i-1][j]
		}
		rows = append(rows, row)
	}
	return rows
}

func clone(s []int) []int {
	out := make([]int, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = s[i]
	}
	return out
}

func reverse(s []int) {
	for i := 0; i < len(s)/2; i++ {
		j := len(s) - 1 - i
		t := s[i]
		s[i] = s[j]
		s[j] = t
	}
}

func main() {
	tri := pascal(12)
	for _, row := range tri {
		for j, v := range row {
			if j > 0 {
				fmt.Print(" ")
			}
			fmt.Print(v)
		}
		fmt.Println()
	}
	last := tri[len(tri)-1]
	cp := clone(last)
	reverse(cp)
	cp[0] = -5
	fmt.Println(last[0], cp[0], cp[1], len(cp))

	var items []*Item
	for i := 0; i < 6; i++ {
		items = append(items, &Item{id: i, score: (i * 7) % 5})
	}
	byScore := make([]*Item, len(items))
	for i := 0; i < len(items); i++ {
		byScore[i] = items[i]
	}
	for i := 1; i < len(byScore); i++ {
		for j := i; j > 0 && byScore[j].score < byScore[j-1].score; j-- {
			t := byScore[j]
			byScore[j] = byScore[j-1]
			byScore[j-1] = t
		}
	}
	byScore[0].score += 100
	for _, it := range items {
		fmt.Print(it.id, ":", it.score, " ")
	}
	fmt.Println()
	for _, it := range byScore {
		fmt.Print(it.id, " ")
	}
	fmt.Println()
	grid := make([][]bool, 3)
	for i := range grid {
		grid[i] = make([]bool, 4)
	}
	grid[1][2] = true
	shared := grid[1]
	shared[3] = true
	fmt.Println(grid[1][2], grid[1][3], grid[0][3], len(grid[2]))
}
