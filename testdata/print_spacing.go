// fmt.Print puts a space only between operands when neither is a string; fmt.Println always does.
package main

import "fmt"

func main() {
	fmt.Print(1, 2, 3)
	fmt.Print("\n")
	fmt.Print("a", "b", 1, 2, "c", 3, "\n")
	fmt.Print(true, false, 1, true, "x", false, "\n")
	fmt.Print(-1, -2, "", -3, "\n")
	fmt.Print()
	fmt.Print("", "\n")
	fmt.Println(1, 2, "a", "b", true)
	fmt.Println("", "")
	fmt.Print(7)
	fmt.Print(8)
	fmt.Println()
	fmt.Print("x")
	fmt.Println("y")
	s := "s"
	n := 5
	fmt.Print(n, s, n, n, s, s, "\n")
}
