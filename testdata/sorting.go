// Recursive quicksort and merge sort on slices (subslices passed down, merge buffers allocated), checked against each other.
package main

import "fmt"

func quicksort(s []int) {
	if len(s) < 2 {
		return
	}
	pivot := s[len(s)/2]
	i := 0
	j := len(s) - 1
	for i <= j {
		for s[i] < pivot {
			i++
		}
		for s[j] > pivot {
			j--
		}
		if i <= j {
			t := s[i]
			s[i] = s[j]
			s[j] = t
			i++
			j--
		}
	}
	quicksort(s[:j+1])
	quicksort(s[i:])
}

func mergesort(s []int) []int {
	if len(s) <= 1 {
		return s
	}
	mid := len(s) / 2
	left := mergesort(s[:mid])
	right := mergesort(s[mid:])
	out := make([]int, 0, len(s))
	i := 0
	j := 0
	for i < len(left) && j < len(right) {
		if left[i] <= right[j] {
			out = append(out, left[i])
			i++
		} else {
			out = append(out, right[j])
			j++
		}
	}
	for ; i < len(left); i++ {
		out = append(out, left[i])
	}
	for ; j < len(right); j++ {
		out = append(out, right[j])
	}
	return out
}

func main() {
	n := 3000
	data := make([]int, n)
	seed := 42
	for i := 0; i < n; i++ {
		seed = (seed*6364136223846793005 + 1442695040888963407)
		data[i] = (seed >> 33) % 1000
	}
	copyA := make([]int, n)
	for i := range data {
		copyA[i] = data[i]
	}
	quicksort(copyA)
	merged := mergesort(data)
	same := true
	for i := 0; i < n; i++ {
		if copyA[i] != merged[i] {
			same = false
		}
	}
	fmt.Println(same, copyA[0], copyA[n/2], copyA[n-1], merged[1234])
	sum := 0
	for i := 1; i < n; i++ {
		if copyA[i] < copyA[i-1] {
			sum++
		}
	}
	fmt.Println(sum)
}
