#!/usr/bin/env bash
# Times fib(38), 126 million calls, as a whole process (start-up included) under Cairn, with and
# without the baseline compiler, beside Lua 5.4 (the issue's yardstick), LuaJIT and Go 1.19 when
# they are installed, side by side in one run; prints each time as a multiple of Lua 5.4's.
#
#   bench/fib/run.sh                        from anywhere in the checkout
#   RUNS=10 bench/fib/run.sh                timed runs per command (default 5, plus a warm-up)
#   CAIRN_ARGS='--stack segmented' bench/fib/run.sh    extra `cairn run` options
#   NO_HYPERFINE=1 bench/fib/run.sh         /usr/bin/time, best of RUNS
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cairn=${CAIRN:-$root/cairn}
runs=${RUNS:-5}
cairn_args=${CAIRN_ARGS:-}
n=38
expected=39088169

command -v lua5.4 >/dev/null || { echo "run.sh: lua5.4 is not on the PATH (apt-get install lua5.4)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

names=("lua5.4" "cairn" "cairn jit=off")
cmds=("lua5.4 $here/fib.lua $n" "$cairn run $cairn_args $root/examples/fib38.go"
    "$cairn run $cairn_args -D jit=off $root/examples/fib38.go")
if command -v luajit >/dev/null; then
    names+=("luajit")
    cmds+=("luajit $here/fib.lua $n")
fi
if command -v go >/dev/null; then
    cp "$root/examples/fib38.go" "$tmp/fib.go"
    (cd "$tmp" && go build -o fib-go fib.go)
    names+=("go")
    cmds+=("$tmp/fib-go")
fi

# Every command must print fib(38) before anything is timed (this also lets ./cairn build).
time_args=()
for i in "${!cmds[@]}"; do
    # shellcheck disable=SC2086 # the command is split into words on purpose
    if ! out=$(${cmds[$i]} 2>"$tmp/err"); then
        echo "run.sh: ${names[$i]} failed:" >&2
        cat "$tmp/err" >&2
        exit 1
    fi
    if [ "$out" != "$expected" ]; then
        echo "run.sh: ${names[$i]} printed '$out', expected $expected" >&2
        exit 1
    fi
    time_args+=("${names[$i]}" "${cmds[$i]}")
done

# shellcheck source=../timing.sh
. "$here/../timing.sh"
time_commands "$runs" "$tmp" "${time_args[@]}"

echo "fib($n), 126,491,971 calls, whole process ($how)"
printf '%-16s %10s %12s %10s\n' command "wall s" "ns/call" "x lua5.4"
for i in "${!cmds[@]}"; do
    awk -v name="${names[$i]}" -v t="${seconds[$i]}" -v lua="${seconds[0]}" 'BEGIN {
        printf "%-16s %10.3f %12.2f %10.2f\n", name, t, t * 1e9 / 126491971, t / lua
    }'
done
