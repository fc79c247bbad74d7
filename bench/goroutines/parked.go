// parked: n goroutines parked at once, each blocked receiving on one shared unbuffered channel.
//
// The program measures nothing itself: `cairn run --stats -D stats.hostHeap=true` reports the
// committed guest memory, and the JVM heap at the runtime.GC() call, when all n goroutines are parked; run.sh divides by n (after
// subtracting a run with n = 1) to give bytes per parked goroutine. Then main releases them one
// value each and collects their answers through a second channel, so every goroutine is
// checked to have really been there.
package main

import (
	"fmt"
	"runtime"
)

// n is the number of goroutines parked at once (run.sh substitutes a smaller value with sed).
const n = 1000000

func wait(in chan int, done chan int) {
	v := <-in
	done <- v
}

func main() {
	in := make(chan int)
	done := make(chan int)
	for i := 0; i < n; i++ {
		go wait(in, done)
	}
	// Under a FIFO run queue every goroutine now runs up to its receive and parks before main
	// continues: this is the peak, n goroutines parked on in. The collection is where Cairn
	// measures the JVM heap (-D stats.hostHeap=true); for Go it changes nothing measured.
	runtime.Gosched()
	runtime.GC()
	for i := 0; i < n; i++ {
		in <- 1
	}
	count := 0
	for i := 0; i < n; i++ {
		count += <-done
	}
	fmt.Println(count)
}
