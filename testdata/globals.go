// Package-level variables: initialisers run in dependency order (not source order) before main; zero-valued globals; globals mutated by functions.
package main

import "fmt"

var total = a + b + c
var a = trace("a", b*2)
var b = trace("b", 5)
var c = trace("c", double(b))
var unset int
var name string
var list = []int{a, b, c}
var origin = Point{X: b, Y: c}
var head *Point

type Point struct {
	X int
	Y int
}

var order = ""

func trace(tag string, v int) int {
	order += tag
	fmt.Println("init", tag, v)
	return v
}

func double(x int) int {
	return x * 2
}

func record(v int) {
	unset += v
	name = name + "r"
}

func main() {
	fmt.Println(total, a, b, c, order)
	fmt.Println(unset, name == "", len(list), list[2], origin.Y, head == nil)
	record(3)
	record(4)
	fmt.Println(unset, name)
	head = &origin
	head.X = 42
	fmt.Println(origin.X)
	list = append(list, 99)
	fmt.Println(len(list), list[3])
}
