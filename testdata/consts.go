// Constants: untyped folding, big intermediate values, iota in grouped blocks, bool constants.
package main

import "fmt"

const (
	Zero = iota
	One
	Two
	_
	Four
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
	TB
)

const (
	a = iota * 10
	b
	c = 7
	d
	e = iota + 100
	f
)

const huge = 1 << 100
const fits = huge >> 98
const debug = false
const verbose = !debug && fits == 4

const typed int = 12

func main() {
	fmt.Println(Zero, One, Two, Four)
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(fits, huge/(huge>>3), verbose, debug)
	fmt.Println(typed*typed, typed/5, -typed%5)
	const local = One + Two*Four
	fmt.Println(local)
	x := local
	x += 1
	fmt.Println(x, 7/2, -7/2, 7%-2, 1<<62/(1<<60))
	if debug {
		fmt.Println("never")
	}
}
