// exit: 1
// Compile error: a name outside fmt/runtime's subset, reported as Go reports it (undefined package member).
package main

import "fmt"

func main() {
	fmt.Printline("x")
}
