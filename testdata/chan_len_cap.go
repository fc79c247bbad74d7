// len and cap of channels: buffered ones as they fill and drain (also after close), unbuffered and nil ones are 0.
package main

import "fmt"

func main() {
	ch := make(chan int, 5)
	fmt.Println(len(ch), cap(ch))
	for i := 0; i < 5; i++ {
		ch <- i
		fmt.Print(len(ch), " ")
	}
	fmt.Println(cap(ch))
	<-ch
	<-ch
	fmt.Println(len(ch), cap(ch))
	ch <- 100
	close(ch)
	fmt.Println("closed", len(ch), cap(ch))
	sum := 0
	for v := range ch {
		sum += v
		fmt.Print(len(ch), " ")
	}
	fmt.Println(sum, len(ch), cap(ch))

	un := make(chan string)
	fmt.Println(len(un), cap(un))

	var nilch chan bool
	fmt.Println(len(nilch), cap(nilch))

	one := make(chan [3]int, 1)
	one <- [3]int{1, 2, 3}
	fmt.Println(len(one), cap(one))
	a := <-one
	fmt.Println(len(one), a[0]+a[1]+a[2])

	big := make(chan int, 1000)
	for i := 0; i < 999; i++ {
		big <- i
	}
	fmt.Println(len(big), cap(big)-len(big))
}
