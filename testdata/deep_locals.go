// Every frame of a 10,000-deep recursion owns a local whose address is passed down; all are summed on the way back.
package main

import "fmt"

type Link struct {
	val  int
	prev *int
}

func walk(n int, prev *int, total *int) {
	mine := n * 3
	if prev != nil {
		*total += *prev
	}
	if n > 0 {
		walk(n-1, &mine, total)
	}
	*total += mine
	mine = -1
}

func chain(n int, up *Link) int {
	here := Link{val: n}
	if up != nil {
		here.prev = &up.val
	}
	if n == 0 {
		s := 0
		if here.prev != nil {
			s = *here.prev
		}
		return s
	}
	return chain(n-1, &here) + here.val
}

func main() {
	total := 0
	walk(10000, nil, &total)
	fmt.Println(total)
	fmt.Println(chain(10000, nil))
}
