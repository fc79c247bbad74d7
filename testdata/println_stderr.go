// The println builtin writes to standard error; only fmt output reaches standard output.
package main

import "fmt"

func main() {
	println("to stderr", 1, true)
	fmt.Println("to stdout")
	println(42)
	fmt.Print("done\n")
}
