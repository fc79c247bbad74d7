// Stack growth, shrink (at GC) and regrowth: main's locals and pointers to them stay right across repeated deep excursions.
package main

import (
	"fmt"
	"runtime"
)

type Acc struct {
	sum   int
	depth int
	trail [4]int
}

func dive(n int, a *Acc, mine *int) int {
	var frame [24]int
	frame[n%24] = n
	a.sum += n
	if n > a.depth {
		a.depth = n
	}
	a.trail[n%4]++
	if n == 0 {
		*mine += 1
		return frame[0]
	}
	return dive(n-1, a, mine) + frame[n%24] - n
}

func main() {
	var acc Acc
	counter := 0
	pc := &counter
	for round := 1; round <= 4; round++ {
		r := dive(round*2500, &acc, pc)
		runtime.GC()
		fmt.Println(round, r, acc.sum, acc.depth, acc.trail[0], *pc)
	}
	small := dive(10, &acc, &counter)
	fmt.Println(small, counter, acc.sum)
}
