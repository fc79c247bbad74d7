// Building a binary search tree with &Node{}, recursive insert/walk/height, and a GC in the middle while it is live.
package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	key   int
	left  *Node
	right *Node
}

func insert(n *Node, key int) *Node {
	if n == nil {
		return &Node{key: key}
	}
	if key < n.key {
		n.left = insert(n.left, key)
	} else if key > n.key {
		n.right = insert(n.right, key)
	}
	return n
}

func walk(n *Node, out []int) []int {
	if n == nil {
		return out
	}
	out = walk(n.left, out)
	out = append(out, n.key)
	return walk(n.right, out)
}

func height(n *Node) int {
	if n == nil {
		return 0
	}
	l := height(n.left)
	r := height(n.right)
	if l > r {
		return l + 1
	}
	return r + 1
}

func contains(n *Node, key int) bool {
	for n != nil {
		if key == n.key {
			return true
		}
		if key < n.key {
			n = n.left
		} else {
			n = n.right
		}
	}
	return false
}

func main() {
	var root *Node
	x := 7
	for i := 0; i < 500; i++ {
		x = (x*1103515245 + 12345) % 2147483648
		root = insert(root, x%1000)
	}
	runtime.GC()
	keys := walk(root, nil)
	fmt.Println(len(keys), keys[0], keys[len(keys)-1], height(root))
	sorted := true
	for i := 1; i < len(keys); i++ {
		if keys[i-1] >= keys[i] {
			sorted = false
		}
	}
	fmt.Println(sorted, contains(root, keys[17]), contains(root, 1000))
	var chain *Node
	for i := 0; i < 400; i++ {
		chain = insert(chain, i)
	}
	fmt.Println(height(chain))
}
