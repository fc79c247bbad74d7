// hotsplit: a hot loop whose call sits exactly on a stack-segment boundary.
//
// main recurses through descend until the goroutine's first stack segment (stack.initial,
// 2 KiB by default: 256 words) is full to within two words, then loop calls leaf a million
// times from the bottom of that segment. leaf's frame (4 words) never fits there, so under
// segmented stacks every call splits to a new segment and every return switches back: Go 1.2's
// hot split. README.md says how to run it and how the padding below was tuned.
package main

import "fmt"

// calls is the number of leaf calls in the hot loop (run.sh divides wall time by it).
const calls = 1000000

// depth is how many descend frames sit below loop's, besides the one at depth 0.
const depth = 7

// leaf is the call that sits on the boundary.
func leaf(x int) int {
	return x + 1
}

// loop runs the hot loop. Its padding fine-tunes, word by word, how close its frame ends to the
// bottom of the first segment.
func loop(n int) int {
	var pad [27]int
	pad[0] = n
	s := 0
	for i := 0; i < pad[0]; i++ {
		s = leaf(s)
	}
	return s
}

// descend fills the segment a frame at a time; its padding is the coarse step.
func descend(d int, n int) int {
	var pad [16]int
	pad[d%16] = d
	if d == 0 {
		return loop(n) + pad[0]
	}
	return descend(d-1, n) + pad[d%16]
}

func main() {
	fmt.Println(descend(depth, calls))
}
