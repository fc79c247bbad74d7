-- fib(n) in Lua 5.4, the yardstick of examples/fib38.go (shared/anchors/fib.lua).
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(tonumber(arg[1] or 32)))
