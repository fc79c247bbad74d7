// A goroutine grows its stack about 3,000 frames deep, comes back to a shallow frame and parks
// holding pointers to its own locals (directly and inside a struct). The collections main runs
// meanwhile shrink the parked stack, which moves it; woken, the goroutine reads and writes
// through the pointers, which must have been relocated with it.
package main

import (
	"fmt"
	"runtime"
)

type Pair struct {
	a int
	b *int
}

func deep(n int, p *int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		return *p + pad[0]
	}
	return deep(n-1, p) + pad[n%16] - n
}

func holder(in chan int, out chan int) {
	x := 7
	y := 11
	pr := Pair{a: 1, b: &y}
	px := &x
	s := deep(3000, px)
	v := <-in
	*px += v
	*pr.b += v
	out <- s + x + y + pr.a
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go holder(in, out)
	runtime.Gosched()
	total := 0
	for i := 0; i < 4; i++ {
		junk := make([]int, 1000)
		junk[i] = i
		total += junk[i]
		runtime.GC()
	}
	in <- 100
	fmt.Println(<-out, total)
}
