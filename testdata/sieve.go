// Sieve of Eratosthenes over a []bool made with make, counting and printing primes.
package main

import "fmt"

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func main() {
	p := sieve(20000)
	fmt.Println(len(p), p[len(p)-1])
	for _, v := range p[:15] {
		fmt.Print(v, " ")
	}
	fmt.Println()
	twins := 0
	for i := 1; i < len(p); i++ {
		if p[i]-p[i-1] == 2 {
			twins++
		}
	}
	fmt.Println(twins)
}
