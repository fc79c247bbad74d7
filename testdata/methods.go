// Methods: value and pointer receivers, automatic & on addressable values and * on pointers.
package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c *Counter) Inc() {
	c.n++
}

func (c *Counter) Add(k int) *Counter {
	c.n += k
	return c
}

func (c Counter) Value() int {
	return c.n
}

func (c Counter) Bumped() Counter {
	c.n += 100
	return c
}

func (c Counter) Describe() string {
	return c.name + "!"
}

type Pair struct {
	a Counter
	b Counter
}

func (p *Pair) Total() int {
	return p.a.Value() + p.b.Value()
}

func main() {
	c := Counter{name: "c"}
	c.Inc()
	c.Inc()
	fmt.Println(c.Value(), c.Describe())
	b := c.Bumped()
	fmt.Println(c.Value(), b.Value())
	p := &c
	p.Inc()
	fmt.Println(p.Value(), c.n, (*p).Value())
	p.Add(10).Add(20).Inc()
	fmt.Println(c.Value())
	var pair Pair
	pair.a.Inc()
	pair.b.Add(5)
	pair.b.Inc()
	fmt.Println(pair.Total(), pair.a.n, pair.b.n)
	pp := &pair
	pp.a.Add(3)
	fmt.Println(pp.Total())
	list := []Counter{{name: "x"}, {name: "y"}}
	list[1].Inc()
	list[1].Add(2)
	fmt.Println(list[0].Value(), list[1].Value(), list[1].Describe())
	arr := [2]Counter{}
	arr[0].Add(4)
	fmt.Println(arr[0].Value(), arr[1].Value())
	nc := new(Counter)
	nc.Add(9)
	fmt.Println(nc.Value(), nc.Bumped().Value())
}
