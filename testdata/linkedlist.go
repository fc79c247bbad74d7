// A singly linked list of heap nodes: push, iterative reverse, recursive length, removal, methods on the list.
package main

import "fmt"

type Elem struct {
	val  int
	next *Elem
}

type List struct {
	head *Elem
	size int
}

func (l *List) Push(v int) {
	l.head = &Elem{val: v, next: l.head}
	l.size++
}

func (l *List) Reverse() {
	var prev *Elem
	cur := l.head
	for cur != nil {
		next := cur.next
		cur.next = prev
		prev = cur
		cur = next
	}
	l.head = prev
}

func (l *List) Remove(v int) bool {
	pp := &l.head
	for *pp != nil {
		if (*pp).val == v {
			*pp = (*pp).next
			l.size--
			return true
		}
		pp = &(*pp).next
	}
	return false
}

func length(e *Elem) int {
	if e == nil {
		return 0
	}
	return 1 + length(e.next)
}

func (l List) String() string {
	s := "["
	for e := l.head; e != nil; e = e.next {
		if e != l.head {
			s += " "
		}
		if e.val < 10 {
			s += "0"
		}
		s += digits(e.val)
	}
	return s + "]"
}

func digits(n int) string {
	if n < 10 {
		return []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}[n]
	}
	return digits(n/10) + digits(n%10)
}

func main() {
	var l List
	for i := 0; i < 12; i++ {
		l.Push(i * 3)
	}
	fmt.Println(l.String(), l.size, length(l.head))
	l.Reverse()
	fmt.Println(l.String())
	fmt.Println(l.Remove(0), l.Remove(33), l.Remove(18), l.Remove(7))
	fmt.Println(l.String(), l.size, length(l.head))
	var big List
	for i := 0; i < 5000; i++ {
		big.Push(i)
	}
	fmt.Println(length(big.head))
}
