// switch: with a tag, tagless, several values per case, default in any position, init statements, break inside a case.
package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0 && n < 10:
		return "small even"
	case n < 10:
		return "small odd"
	}
	return "big"
}

func day(d int) string {
	switch d {
	default:
		return "weekday"
	case 0, 6:
		return "weekend"
	case 3:
		return "midweek"
	}
}

func main() {
	for i := -1; i < 12; i += 3 {
		fmt.Println(i, classify(i))
	}
	for d := 0; d < 7; d++ {
		fmt.Print(day(d), " ")
	}
	fmt.Println()
	calls := 0
	for i := 0; i < 5; i++ {
		switch x := i * i; x {
		case 0:
			calls += 1
		case 1, 4:
			calls += 10
			if x == 4 {
				break
			}
			calls += 100
		case 9:
			calls += 1000
		default:
			calls += 10000
		}
	}
	fmt.Println(calls)
	s := "b"
	switch s {
	case "a":
		fmt.Println("is a")
	case "b", "c":
		fmt.Println("is b or c")
	}
	switch {
	}
	t := true
	switch t {
	case false:
		fmt.Println("false")
	case true:
		fmt.Println("true")
	}
	n := 0
	for i := 0; i < 10; i++ {
		switch {
		case i == 5:
			continue
		case i > 7:
			break
		default:
			n += i
		}
	}
	fmt.Println(n)
}
