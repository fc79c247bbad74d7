// Strings: literals, escapes, raw strings, concatenation, ==, !=, len in bytes, UTF-8 text.
package main

import "fmt"

func greet(name string) string {
	return "hello, " + name + "!"
}

func main() {
	s := "abc"
	t := "ab" + "c"
	fmt.Println(s == t, s != t, len(s), len(""), len(s+t))
	fmt.Println(greet("gopher"))
	fmt.Println("tab\there", "quote\"q\"", "back\\slash")
	fmt.Println("nl\nsecond line")
	fmt.Println(`raw \n string`, len(`\n`), len("\n"))
	fmt.Println("héllo", len("héllo"), "日本語", len("日本語"), len("\u00e9"), len("\U0001F600"))
	fmt.Println("\x41\x42\101", "\u263A")
	var empty string
	fmt.Println(empty == "", len(empty))
	acc := ""
	for i := 0; i < 5; i++ {
		acc = acc + "ab"
		acc += "-"
	}
	fmt.Println(acc, len(acc))
	parts := []string{"x", "y", "z"}
	joined := ""
	for i, p := range parts {
		if i > 0 {
			joined += ","
		}
		joined += p
	}
	fmt.Println(joined, joined == "x,y,z")
	u := "é"
	v := "e\u0301"
	fmt.Println(u == v, len(u), len(v))
}
