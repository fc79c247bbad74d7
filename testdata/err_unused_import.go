// exit: 1
// Compile error: an imported package that is never used.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("hi")
}
