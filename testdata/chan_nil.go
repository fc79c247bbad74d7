// nil channels: zero values of chan variables and fields compare equal to nil, made channels do not, channel equality is identity; a goroutine blocked on a nil channel never wakes.
package main

import "fmt"

type Conn struct {
	id  int
	in  chan int
	out chan string
}

var global chan bool

func pick(which int, a chan int, b chan int) chan int {
	if which == 0 {
		return a
	}
	if which == 1 {
		return b
	}
	return nil
}

func stuck(c chan int, reached chan int) {
	reached <- 1
	v := <-c
	fmt.Println("never printed", v)
}

func main() {
	var c chan int
	fmt.Println(c == nil, c != nil, global == nil)
	c = make(chan int, 1)
	fmt.Println(c == nil, c != nil)
	d := c
	e := make(chan int, 1)
	fmt.Println(d == c, e == c, e != d)
	d <- 41
	fmt.Println(<-c + 1)

	var conn Conn
	fmt.Println(conn.in == nil, conn.out == nil)
	conn.in = e
	fmt.Println(conn.in == e, conn.in == nil)

	p := &Conn{id: 2, out: make(chan string, 1)}
	fmt.Println(p.in == nil, p.out != nil)

	for i := 0; i < 3; i++ {
		ch := pick(i, c, e)
		fmt.Println(i, ch == nil, ch == c, ch == e)
	}

	global = make(chan bool)
	fmt.Println(global == nil)
	global = nil
	fmt.Println(global == nil)

	// The goroutine signals it got this far, then blocks forever on a nil channel;
	// main returning ends the program.
	reached := make(chan int)
	var never chan int
	go stuck(never, reached)
	fmt.Println("reached", <-reached)
	fmt.Println("done")
}
