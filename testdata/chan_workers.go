// Worker pool over buffered channels: jobs fanned out to workers, results collected in any order and summed.
package main

import "fmt"

type Job struct {
	id int
	n  int
}

type Result struct {
	id    int
	value int
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n = n / 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func worker(jobs chan Job, results chan Result, done chan int) {
	handled := 0
	for j := range jobs {
		results <- Result{id: j.id, value: collatz(j.n)}
		handled++
	}
	done <- handled
}

func main() {
	const workers = 4
	const njobs = 200
	jobs := make(chan Job, 10)
	results := make(chan Result, njobs)
	done := make(chan int, workers)
	for w := 0; w < workers; w++ {
		go worker(jobs, results, done)
	}
	for i := 0; i < njobs; i++ {
		jobs <- Job{id: i, n: i + 1}
	}
	close(jobs)
	handled := 0
	for w := 0; w < workers; w++ {
		handled += <-done
	}
	close(results)
	total := 0
	idSum := 0
	longest := 0
	for r := range results {
		total += r.value
		idSum += r.id
		if r.value > longest {
			longest = r.value
		}
	}
	fmt.Println("handled", handled)
	fmt.Println("total steps", total)
	fmt.Println("id sum", idSum)
	fmt.Println("longest", longest)
}
