// chan struct{} as a done signal: sends of struct{}{}, and close waking every waiter at once.
package main

import "fmt"

type Task struct {
	id     int
	result int
}

func compute(t *Task, done chan struct{}) {
	s := 0
	for i := 1; i <= t.id*100; i++ {
		s += i
	}
	t.result = s
	done <- struct{}{}
}

func waiter(id int, start chan struct{}, report chan int) {
	<-start
	report <- id * id
}

func main() {
	done := make(chan struct{})
	tasks := []*Task{&Task{id: 1}, &Task{id: 2}, &Task{id: 3}}
	for _, t := range tasks {
		go compute(t, done)
	}
	for i := 0; i < len(tasks); i++ {
		<-done
	}
	for _, t := range tasks {
		fmt.Println("task", t.id, t.result)
	}

	// One close releases every goroutine parked on start.
	start := make(chan struct{})
	report := make(chan int, 10)
	for i := 1; i <= 10; i++ {
		go waiter(i, start, report)
	}
	close(start)
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-report
	}
	fmt.Println("sum of squares", sum)

	// A buffered done channel holds signals without a receiver.
	flags := make(chan struct{}, 3)
	flags <- struct{}{}
	flags <- struct{}{}
	fmt.Println(len(flags), cap(flags))
	close(flags)
	n := 0
	for {
		_, ok := <-flags
		if !ok {
			break
		}
		n++
	}
	fmt.Println("signals", n)
}
