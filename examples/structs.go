// Structs in a small inventory: methods with value and pointer receivers, a slice of structs grown by append, updates through pointers.
package main

import "fmt"

type Item struct {
	name  string
	price int
	qty   int
}

type Inventory struct {
	items []Item
	moves int
}

func (it Item) Value() int {
	return it.price * it.qty
}

func (inv *Inventory) Add(name string, price int, qty int) {
	inv.items = append(inv.items, Item{name: name, price: price, qty: qty})
	inv.moves++
}

func (inv *Inventory) Find(name string) *Item {
	for i := 0; i < len(inv.items); i++ {
		if inv.items[i].name == name {
			return &inv.items[i]
		}
	}
	return nil
}

func (inv *Inventory) Total() int {
	total := 0
	for _, it := range inv.items {
		total += it.Value()
	}
	return total
}

func main() {
	var inv Inventory
	inv.Add("bolt", 3, 100)
	inv.Add("nut", 1, 250)
	inv.Add("gear", 40, 6)
	inv.Add("spring", 7, 12)
	fmt.Println(len(inv.items), cap(inv.items), inv.Total())
	if g := inv.Find("gear"); g != nil {
		g.qty -= 2
	}
	fmt.Println(inv.Find("gear").qty, inv.Find("chain") == nil, inv.Total())
	for _, it := range inv.items {
		fmt.Println(it.name, it.qty, it.Value())
	}
	copyOf := inv.items[0]
	copyOf.qty = 0
	fmt.Println(inv.items[0].qty, copyOf.qty, inv.moves)
}
