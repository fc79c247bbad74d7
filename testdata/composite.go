// Composite literals: positional and keyed structs, nested literals, elided element types, &T{}, arrays and slices.
package main

import "fmt"

type Point struct {
	X int
	Y int
}

type Line struct {
	From Point
	To   Point
	Name string
}

type Poly struct {
	Pts    []Point
	Closed bool
}

func main() {
	p := Point{3, 4}
	q := Point{Y: 9}
	l := Line{From: p, To: Point{X: -1, Y: -2}, Name: "l"}
	fmt.Println(p.X, p.Y, q.X, q.Y, l.To.Y, l.Name)
	pts := []Point{{1, 2}, {3, 4}, {X: 5}}
	fmt.Println(len(pts), pts[2].X, pts[2].Y)
	poly := Poly{Pts: []Point{{0, 0}, {0, 1}, {1, 1}}, Closed: true}
	fmt.Println(len(poly.Pts), poly.Pts[2].X, poly.Closed)
	lp := &Line{Name: "ptr", To: Point{7, 8}}
	lp.From.X = 2
	fmt.Println(lp.Name, lp.From.X, lp.To.X)
	arr := [3]Point{{1, 1}, {2, 2}}
	fmt.Println(arr[1].X, arr[2].X)
	lines := []*Line{{Name: "a"}, {Name: "b", From: Point{1, 1}}}
	fmt.Println(lines[0].Name, lines[1].From.Y)
	nums := []int{5, 4, 3}
	words := []string{"go", "", "vm"}
	flags := []bool{true, false}
	fmt.Println(nums[0]+nums[2], words[0]+words[2], len(words[1]), flags[0] && !flags[1])
	m := [][]int{{1}, {2, 3}, {}}
	fmt.Println(len(m[0]), len(m[1]), len(m[2]), m[1][1])
	empty := Point{}
	var zero Point
	fmt.Println(empty.X == zero.X && empty.Y == zero.Y)
	twod := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	fmt.Println(twod[1][2], twod[0][0])
}
