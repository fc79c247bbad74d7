// When main returns the program ends, whatever its goroutines are doing: blocked sending, receiving, on a nil channel, or spinning with Gosched.
package main

import (
	"fmt"
	"runtime"
)

var spins int

func sendForever(c chan int) {
	c <- 1
	fmt.Println("never: send completed")
}

func recvForever(c chan int) {
	<-c
	fmt.Println("never: receive completed")
}

func spin(started chan bool) {
	started <- true
	for {
		spins++
		runtime.Gosched()
	}
}

func main() {
	go sendForever(make(chan int))
	go recvForever(make(chan int))
	var nilch chan int
	go recvForever(nilch)
	started := make(chan bool)
	go spin(started)
	<-started
	for i := 0; i < 5; i++ {
		runtime.Gosched()
	}
	fmt.Println("goroutines", runtime.NumGoroutine())
	fmt.Println("main returns")
}
