// Struct value semantics: copies on assignment and call, nested structs, zero values, ==-free field compares.
package main

import "fmt"

type Point struct {
	X int
	Y int
}

type Rect struct {
	Min   Point
	Max   Point
	Label string
	Solid bool
}

func moved(p Point, dx int) Point {
	p.X += dx
	return p
}

func area(r Rect) int {
	return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y)
}

func grow(r Rect) Rect {
	r.Max.X++
	r.Max.Y++
	r.Label = r.Label + "+"
	return r
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p.X, p.Y, q.X, q.Y)
	r := moved(p, 5)
	fmt.Println(p.X, r.X)

	var z Rect
	fmt.Println(z.Min.X, z.Max.Y, z.Label == "", z.Solid)

	box := Rect{Min: Point{0, 0}, Max: Point{X: 3, Y: 4}, Label: "box"}
	big := grow(box)
	fmt.Println(area(box), area(big), box.Label, big.Label)
	inner := box.Max
	inner.X = 100
	fmt.Println(box.Max.X, inner.X)
	box.Min = Point{Y: -1}
	fmt.Println(box.Min.X, box.Min.Y, area(box))
	copies := [3]Rect{box, big, z}
	copies[0].Label = "changed"
	fmt.Println(box.Label, copies[0].Label, copies[1].Max.X, copies[2].Solid)
	pp := &p
	alias := *pp
	alias.Y = 99
	pp.X = 7
	fmt.Println(p.X, p.Y, alias.X, alias.Y)
}
