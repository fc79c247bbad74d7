// bool values, !, comparisons, and short-circuit evaluation of && and || (side effects counted).
package main

import "fmt"

var calls int

func t(tag string) bool {
	calls++
	fmt.Print(tag, " ")
	return true
}

func f(tag string) bool {
	calls++
	fmt.Print(tag, " ")
	return false
}

func main() {
	fmt.Println(f("a") && t("b"))
	fmt.Println(t("a") && f("b"))
	fmt.Println(t("a") || t("b"))
	fmt.Println(f("a") || f("b"))
	fmt.Println(f("a") || t("b") && f("c"))
	fmt.Println((f("a") || t("b")) && f("c"))
	fmt.Println(t("a") && t("b") && t("c") && f("d") && t("e"))
	fmt.Println(calls)
	x := true
	y := !x
	fmt.Println(x, y, !y, x == y, x != y, !!x)
	ok := 3 > 2
	ok = ok && 2 >= 2 && 1 <= 1 && 1 != 2
	fmt.Println(ok)
	var z bool
	fmt.Println(z)
	count := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 && i%3 == 0 || i == 7 {
			count += i
		}
	}
	fmt.Println(count)
}
