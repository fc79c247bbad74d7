// Channels with multi-word elements: structs holding strings, slices and arrays, and arrays, sent buffered and unbuffered, copied by value.
package main

import "fmt"

type Point struct {
	x, y int
}

type Record struct {
	name  string
	at    Point
	tags  []string
	grid  [3]int
	valid bool
}

func makeRecords(n int, out chan Record) {
	for i := 0; i < n; i++ {
		names := []string{"zero", "one", "two", "three", "four"}
		r := Record{name: "r-", at: Point{i, -i}, valid: i%2 == 0}
		r.name = r.name + names[i]
		r.tags = append(r.tags, "t", r.name)
		r.grid[i%3] = i * 7
		out <- r
		// The receiver holds a copy: changing ours after the send changes nothing it sees.
		r.at.x = 999
		r.grid[0] = 999
	}
	close(out)
}

func rows(out chan [4]int) {
	var row [4]int
	for i := 0; i < 5; i++ {
		for j := 0; j < 4; j++ {
			row[j] = i*10 + j
		}
		out <- row
	}
	close(out)
}

func main() {
	recs := make(chan Record)
	go makeRecords(5, recs)
	for r := range recs {
		fmt.Println(r.name, r.at.x, r.at.y, len(r.tags), r.tags[1], r.grid[0], r.grid[1], r.grid[2], r.valid)
	}

	buffered := make(chan Record, 3)
	go makeRecords(3, buffered)
	total := 0
	for r := range buffered {
		total += r.at.x + r.grid[0] + r.grid[1] + r.grid[2]
	}
	fmt.Println("buffered total", total)

	arrs := make(chan [4]int, 2)
	go rows(arrs)
	for row := range arrs {
		fmt.Println(row[0], row[1], row[2], row[3])
	}

	pts := make(chan Point, 4)
	pts <- Point{1, 2}
	pts <- Point{3, 4}
	p := <-pts
	q := <-pts
	fmt.Println(p.x+q.x, p.y+q.y)
}
