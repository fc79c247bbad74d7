// Pointers to fields and array elements of a struct local in main, passed 20,000 frames down and written at the bottom.
package main

import "fmt"

type State struct {
	hits  int
	log   [8]int
	label string
	inner Inner
}

type Inner struct {
	last int
}

func down(n int, hits *int, slot *int, in *Inner, st *State) {
	if n == 0 {
		*hits += 1000
		*slot = 77
		in.last = n
		st.label = st.label + "!"
		return
	}
	*hits += 1
	in.last = n
	down(n-1, hits, slot, in, st)
}

func main() {
	st := State{label: "st"}
	down(20000, &st.hits, &st.log[3], &st.inner, &st)
	fmt.Println(st.hits, st.log[3], st.log[2], st.inner.last, st.label)
	var arr [5]State
	down(1000, &arr[2].hits, &arr[4].log[7], &arr[0].inner, &arr[1])
	fmt.Println(arr[2].hits, arr[4].log[7], arr[1].label, arr[3].hits)
}
