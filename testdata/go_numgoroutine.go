// runtime.NumGoroutine at deterministic points: counted from the go statement, parked goroutines stay counted, finished ones stop counting (waited for with Gosched).
package main

import (
	"fmt"
	"runtime"
)

func park(in chan int, out chan int) {
	v := <-in
	out <- v * 2
}

func forever(c chan int) {
	<-c
}

func quick(out chan int) {
	out <- 1
}

func main() {
	fmt.Println(runtime.NumGoroutine())
	in := make(chan int)
	out := make(chan int)
	for i := 0; i < 5; i++ {
		go park(in, out)
	}
	fmt.Println(runtime.NumGoroutine())

	var nilch chan int
	go forever(nilch)
	go forever(make(chan int))
	fmt.Println(runtime.NumGoroutine())

	for i := 1; i <= 5; i++ {
		in <- i
	}
	sum := 0
	for i := 0; i < 5; i++ {
		sum += <-out
	}
	fmt.Println("sum", sum)
	for runtime.NumGoroutine() > 3 {
		runtime.Gosched()
	}
	fmt.Println(runtime.NumGoroutine())

	// Unbuffered, so every quick goroutine is still alive (blocked sending) when they are counted.
	buf := make(chan int)
	for i := 0; i < 10; i++ {
		go quick(buf)
	}
	fmt.Println(runtime.NumGoroutine())
	got := 0
	for i := 0; i < 10; i++ {
		got += <-buf
	}
	for runtime.NumGoroutine() > 3 {
		runtime.Gosched()
	}
	fmt.Println(got, runtime.NumGoroutine())
}
