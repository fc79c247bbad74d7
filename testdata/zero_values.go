// Zero values and new(T): every type's zero, nil slices (len, cap, append, range), nil pointers compared, new of struct and array.
package main

import "fmt"

type Inner struct {
	n    int
	flag bool
	s    string
}

type Outer struct {
	in  Inner
	arr [3]int
	sl  []int
	p   *Inner
}

func main() {
	var i int
	var b bool
	var s string
	var p *int
	var sl []string
	var arr [2]bool
	var o Outer
	fmt.Println(i, b, s == "", p == nil, sl == nil, len(sl), cap(sl), arr[1])
	fmt.Println(o.in.n, o.in.flag, len(o.in.s), o.arr[2], o.sl == nil, o.p == nil)
	count := 0
	for _, v := range sl {
		count += len(v)
	}
	for _, x := range o.sl {
		count += x
	}
	fmt.Println(count)
	sl = append(sl, "first")
	fmt.Println(len(sl), sl[0])
	np := new(int)
	fmt.Println(*np)
	*np = 5
	no := new(Outer)
	no.in.n = *np
	no.arr[1] = 7
	no.sl = append(no.sl, 1, 2)
	no.p = &no.in
	no.p.s = "via p"
	fmt.Println(no.in.n, no.arr[1], len(no.sl), no.in.s)
	na := new([4]int)
	na[3] = 9
	fmt.Println(na[0], na[3], len(*na))
	x := 10
	x = 0
	var y = x
	fmt.Println(y)
	o.in.n = 1
	o = Outer{}
	fmt.Println(o.in.n)
}
