// Pointers to locals: written through from callees, pointer to pointer, pointers to fields and elements.
package main

import "fmt"

func set(p *int, v int) {
	*p = v
}

func swap(a *int, b *int) {
	t := *a
	*a = *b
	*b = t
}

func bump(pp **int) {
	**pp += 1
}

func sumTo(n int, acc *int) {
	if n == 0 {
		return
	}
	*acc += n
	sumTo(n-1, acc)
}

type T struct {
	a int
	b int
}

func main() {
	x := 1
	y := 2
	set(&x, 10)
	swap(&x, &y)
	fmt.Println(x, y)
	p := &x
	bump(&p)
	bump(&p)
	fmt.Println(x, *p, p == &x, p != &y)
	total := 0
	sumTo(100, &total)
	fmt.Println(total)
	t := T{1, 2}
	pa := &t.a
	pb := &t.b
	*pa = 5
	swap(pa, pb)
	fmt.Println(t.a, t.b)
	arr := [4]int{1, 2, 3, 4}
	for i := 0; i < 4; i++ {
		set(&arr[i], arr[i]*arr[i])
	}
	fmt.Println(arr[0], arr[1], arr[2], arr[3])
	var nilp *int
	fmt.Println(nilp == nil, p != nil)
	q := new(int)
	*q = 3
	r := q
	*r++
	fmt.Println(*q)
}
