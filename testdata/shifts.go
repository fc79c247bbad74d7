// Shifts: left/right, arithmetic right shift of negatives, counts >= 64, typed counts.
package main

import "fmt"

func main() {
	one := 1
	for _, s := range []int{0, 1, 31, 32, 62, 63, 64, 65, 100} {
		fmt.Println(s, one<<s, (one<<s)>>s, -one<<s)
	}
	n := -1024
	for s := 0; s < 70; s += 7 {
		fmt.Print(n>>s, " ")
	}
	fmt.Println()
	m := 9223372036854775807
	fmt.Println(m>>62, m<<1, m<<1>>1, (m+1)>>63)
	const c = 1 << 62
	fmt.Println(c>>60, c/(1<<61))
	k := 3
	k <<= 4
	k >>= 1
	fmt.Println(k)
	big := 200
	fmt.Println(5>>big, -5>>big, 5<<big)
}
