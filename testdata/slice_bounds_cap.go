// exit: 2
// s[a:b] with b beyond the capacity.
package main

import "fmt"

func main() {
	s := make([]int, 3, 5)
	hi := 4
	for {
		t := s[1:hi]
		fmt.Println(len(t), cap(t))
		hi++
	}
}
