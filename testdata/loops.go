// for in all its forms, range with index and value, break and continue in nested loops.
package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		sum += i
	}
	fmt.Println(sum)
	n := 1
	for n < 1000 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 7 {
			break
		}
	}
	fmt.Println(k)
	var i int
	for i = 10; i > 0; i -= 3 {
	}
	fmt.Println(i)
	for j := 0; j < 3; {
		fmt.Print(j, " ")
		j++
	}
	fmt.Println()
	primes := 0
	for a := 2; a < 100; a++ {
		prime := true
		for b := 2; b*b <= a; b++ {
			if a%b == 0 {
				prime = false
				break
			}
		}
		if !prime {
			continue
		}
		primes++
	}
	fmt.Println(primes)
	vals := []int{4, 8, 15, 16, 23, 42}
	for idx, v := range vals {
		if v%2 == 1 {
			continue
		}
		fmt.Print(idx, "=", v, " ")
	}
	fmt.Println()
	count := 0
	for idx := range vals {
		count += idx
	}
	fmt.Println(count)
	pairs := 0
	for x := 0; x < 5; x++ {
		for y := 0; y < 5; y++ {
			if y > x {
				break
			}
			if (x+y)%2 == 0 {
				continue
			}
			pairs += x*10 + y
		}
	}
	fmt.Println(pairs)
	r := []int{1, 2, 3}
	for _, v := range r {
		r = append(r, v*10)
	}
	fmt.Println(len(r), r[5])
	for i, v := range r {
		r[i] = v + 1
		v = 0
	}
	fmt.Println(r[0], r[5])
	for x := 0; x < 3; x++ {
		x := x * 10
		fmt.Print(x, " ")
	}
	fmt.Println()
}
