// Scopes: shadowing in blocks, if/else-if chains with init statements, variables declared in loops, := versus =.
package main

import "fmt"

var x = 100

func shadow() int {
	x := 1
	{
		x := 2
		x++
	}
	return x
}

func sign(n int) string {
	if n < 0 {
		return "-"
	} else if n == 0 {
		return "0"
	} else {
		return "+"
	}
}

func main() {
	fmt.Println(x, shadow())
	x := 5
	fmt.Println(x)
	if x := 7; x > 6 {
		fmt.Println("inner", x)
	} else {
		fmt.Println("else", x)
	}
	fmt.Println(x)
	if y := x * 2; y > 100 {
		fmt.Println("big")
	} else if z := y + 1; z == 11 {
		fmt.Println("z", z, y)
	} else {
		fmt.Println("none", y, z)
	}
	for i := -1; i <= 1; i++ {
		fmt.Print(sign(i))
	}
	fmt.Println()
	total := 0
	for i := 0; i < 3; i++ {
		v := i * 10
		total += v
		v = -1
	}
	fmt.Println(total)
	a := 1
	if a := a + 1; a == 2 {
		a++
		fmt.Println(a)
	}
	fmt.Println(a)
}
