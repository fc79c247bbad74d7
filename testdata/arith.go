// Integer arithmetic: + - * / % with signs, wrapping overflow at 64 bits, MinInt / -1.
package main

import "fmt"

const maxInt = 9223372036854775807

func main() {
	a := 17
	b := 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b, -a/-b, -a%-b)

	x := maxInt
	x++
	fmt.Println(x)
	x--
	fmt.Println(x)
	y := -maxInt - 1
	fmt.Println(y, -y, y-1)
	m := -1
	fmt.Println(y/m, y%m)
	mx := maxInt
	fmt.Println(mx*2, y*y, mx*mx, mx+mx+2)

	big := 3037000500
	fmt.Println(big * big)
	h := 1
	for i := 0; i < 70; i++ {
		h = h*31 + i
	}
	fmt.Println(h)
	fmt.Println(^0, ^a, -(-a))
	u := 0
	u -= 1
	fmt.Println(u, u+1)
}
