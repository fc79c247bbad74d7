// Mutual recursion: isEven/isOdd 10,000 deep, and Hofstadter's Female and Male sequences.
package main

import "fmt"

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func female(n int) int {
	if n == 0 {
		return 1
	}
	return n - male(female(n-1))
}

func male(n int) int {
	if n == 0 {
		return 0
	}
	return n - female(male(n-1))
}

func main() {
	fmt.Println(isEven(10000), isOdd(10000), isEven(7777), isOdd(7777))
	for i := 0; i < 20; i++ {
		fmt.Print(female(i), " ")
	}
	fmt.Println()
	for i := 0; i < 20; i++ {
		fmt.Print(male(i), " ")
	}
	fmt.Println()
}
