// Operator precedence across Go's five levels, unary operators, and parentheses.
package main

import "fmt"

func main() {
	a := 7
	b := 3
	c := 2
	fmt.Println(a+b*c, (a+b)*c, a-b-c, a-(b-c))
	fmt.Println(a*b/c, a*(b/c), a/b*c, a%b*c)
	fmt.Println(a<<1+b, a<<(1+b), a+b<<c, a|b&c, (a|b)&c)
	fmt.Println(a^b|c, a&^b, a&^b<<1, -a+b, -a*-b, ^a+1)
	fmt.Println(a+b == 10 && b*c == 6, a < b || b < c || c < a)
	fmt.Println((a > b) == (b > c), !(a > b) != (b > c), a > b != false)
	fmt.Println(a+b*c-a/b%c<<1, 1+2*3-4/2%3<<2|1)
	fmt.Println(a == 7 || a/(b-3) == 0)
	fmt.Println(-a%b, -(a % b), ^-a, - -a)
	x := 100
	x -= 3 * 4
	x /= 2 + 2
	x *= -1 - 1
	x %= 7 + 3
	x <<= 2 + 1
	x >>= 1
	x |= 1 << 6
	x &= 0xff ^ 0x0f
	x ^= 3
	x &^= 64
	fmt.Println(x)
}
