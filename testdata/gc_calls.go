// runtime.GC() with live data in locals, globals, slices and frames of a recursion; NumGoroutine and Gosched with one goroutine.
package main

import (
	"fmt"
	"runtime"
)

type Box struct {
	v    int
	next *Box
	name string
}

var keep *Box
var names []string

func churn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		b := &Box{v: i}
		s += b.v
	}
	return s
}

func nested(depth int, b *Box) int {
	local := &Box{v: depth, next: b}
	if depth == 0 {
		runtime.GC()
		churn(1000)
		runtime.GC()
		s := 0
		for p := local; p != nil; p = p.next {
			s += p.v
		}
		return s
	}
	return nested(depth-1, local)
}

func main() {
	keep = &Box{v: 1, name: "kept"}
	keep.next = &Box{v: 2, name: "next"}
	var list []*Box
	for i := 0; i < 100; i++ {
		list = append(list, &Box{v: i * i})
		names = append(names, "n"+"x")
	}
	runtime.GC()
	fmt.Println(churn(10000))
	runtime.GC()
	s := 0
	for _, b := range list {
		s += b.v
	}
	fmt.Println(s, keep.name, keep.next.name, keep.next.v, len(names), names[99])
	fmt.Println(nested(300, nil))
	fmt.Println(runtime.NumGoroutine())
	runtime.Gosched()
	str := ""
	for i := 0; i < 50; i++ {
		str = str + "ab"
		if i%10 == 0 {
			runtime.GC()
		}
	}
	fmt.Println(len(str))
}
