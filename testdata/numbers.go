// Integer algorithms: gcd, Collatz lengths, modular exponentiation with wrapping, digit sums, integer square roots.
package main

import "fmt"

func gcd(a int, b int) int {
	for b != 0 {
		t := a % b
		a = b
		b = t
	}
	return a
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func powmod(b int, e int, m int) int {
	r := 1
	b %= m
	for e > 0 {
		if e&1 == 1 {
			r = r * b % m
		}
		b = b * b % m
		e >>= 1
	}
	return r
}

func digitSum(n int) int {
	if n < 0 {
		n = -n
	}
	s := 0
	for n > 0 {
		s += n % 10
		n /= 10
	}
	return s
}

func isqrt(n int) int {
	x := n
	y := (x + 1) / 2
	for y < x {
		x = y
		y = (x + n/x) / 2
	}
	return x
}

func main() {
	fmt.Println(gcd(1071, 462), gcd(17, 5), gcd(0, 9), gcd(-12, 18))
	best := 0
	arg := 0
	for i := 1; i < 10000; i++ {
		c := collatz(i)
		if c > best {
			best = c
			arg = i
		}
	}
	fmt.Println(arg, best)
	fmt.Println(powmod(2, 62, 1000000007), powmod(3, 1000000, 998244353), powmod(7, 0, 13))
	fmt.Println(digitSum(9223372036854775807), digitSum(-123456))
	fmt.Println(isqrt(1000000), isqrt(999999), isqrt(2), isqrt(9223372036854775807))
	h := 14695981039346656037 - 18446744073709551616
	for i := 0; i < 100; i++ {
		h ^= i
		h *= 1099511628211
	}
	fmt.Println(h)
}
