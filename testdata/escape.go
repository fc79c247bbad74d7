// Escape patterns: address returned, stored in a global, stored in a heap object, passed down only (kept local); values checked after the stack has moved and a GC.
package main

import (
	"fmt"
	"runtime"
)

type Holder struct {
	p *int
}

var global *int

func returned(v int) *int {
	x := v
	return &x
}

func toGlobal(v int) {
	y := v
	global = &y
}

func toHeap(h *Holder, v int) {
	z := v
	h.p = &z
}

func readOnly(p *int) int {
	return *p + 1
}

func keptLocal(v int) int {
	w := v
	return readOnly(&w) + readOnly(&w)
}

func grow(n int) int {
	var pad [32]int
	pad[n%32] = n
	if n == 0 {
		return 0
	}
	return grow(n-1) + pad[0]*0
}

func main() {
	a := returned(10)
	b := returned(20)
	toGlobal(30)
	h := &Holder{}
	toHeap(h, 40)
	c := keptLocal(50)
	*a += 1
	grow(3000)
	runtime.GC()
	fmt.Println(*a, *b, *global, *h.p, c)
	ptrs := make([]*int, 0)
	for i := 0; i < 10; i++ {
		ptrs = append(ptrs, returned(i*i))
	}
	runtime.GC()
	grow(3000)
	sum := 0
	for _, p := range ptrs {
		sum += *p
	}
	fmt.Println(sum, ptrs[3] != ptrs[4])
	local := 5
	lp := &local
	*lp = 6
	grow(3000)
	fmt.Println(local, *lp)
}
