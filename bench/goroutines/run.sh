#!/usr/bin/env bash
# Bytes per parked goroutine: parked.go under Cairn (committed guest memory, guest stacks, JVM
# heap, whole-process RSS) and the same program under Go 1.19 (runtime.MemStats and RSS).
#
#   bench/goroutines/run.sh                          N = 1,000,000 goroutines parked at once
#   N=100000 bench/goroutines/run.sh                 fewer (substituted into a temporary copy)
#   CAIRN_ARGS='-D stack.initial=512' bench/goroutines/run.sh    extra `cairn run` options
#   GO_ONLY=1 bench/goroutines/run.sh                only the Go side (no cairn run)
#   CAIRN=/path/to/cairn bench/goroutines/run.sh
#
# Every figure is a difference between a run with N goroutines and a run with 1, divided by
# N - 1: what one more parked goroutine costs, without the fixed cost of the VM or runtime.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cairn=${CAIRN:-$root/cairn}
n=${N:-1000000}
cairn_args=${CAIRN_ARGS:-}
go_only=${GO_ONLY:-0}

# The --stats-json keys reported per goroutine. A key the VM does not report shows as n/a.
#   mem.committedPeakBytes    all committed guest memory (stacks, heap, statics) at its peak
#   stack.committedBytesPeak  all goroutines' stacks together at their peak (issue 5)
#   jvm.heapLiveBytes         the JVM heap in use after a full JVM collection at parked.go's
#                             runtime.GC(), with every goroutine parked (-D stats.hostHeap=true):
#                             guest stacks and channels live in Java arrays and objects, so the
#                             VM's own bookkeeping per goroutine counts too
guest_key=mem.committedPeakBytes
stack_key=stack.committedBytesPeak
jvm_heap_key=jvm.heapLiveBytes

[ "$n" -gt 1 ] || { echo "run.sh: N must be at least 2" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# with_n SRC COUNT DEST: a copy of SRC whose `const n = ...` is COUNT.
with_n() {
    mkdir -p "$(dirname "$3")"
    sed "s/^const n = [0-9]*$/const n = $2/" "$1" >"$3"
    grep -q "^const n = $2$" "$3" || { echo "run.sh: no 'const n = ...' line in $1" >&2; exit 1; }
}

# metric FILE KEY: one value from the flat JSON object --stats-json writes (one key per line), or empty.
metric() {
    sed -n "s/^ *\"$2\": *\([0-9-]*\).*/\1/p" "$1"
}

# per BIG SMALL: (BIG - SMALL) / (N - 1) in bytes, or n/a when either is missing.
per() {
    if [ -z "$1" ] || [ -z "$2" ]; then
        echo n/a
    else
        awk -v a="$1" -v b="$2" -v n="$n" 'BEGIN { printf "%.0f", (a - b) / (n - 1) }'
    fi
}

# row NAME VALUE: one aligned line of the report.
row() {
    printf '  %-40s %s\n' "$1" "$2"
}

# rss_kb CMD...: maximum resident set of CMD in KiB (stdout to $tmp/out, stderr to $tmp/err).
rss_kb() {
    /usr/bin/time -f %M -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err" || {
        echo "run.sh: $* failed:" >&2
        cat "$tmp/err" >&2
        exit 1
    }
    cat "$tmp/rss"
}

# check_count COUNT: the program printed COUNT, so every goroutine was released and answered.
check_count() {
    if [ "$(cat "$tmp/out")" != "$1" ]; then
        echo "run.sh: expected the count $1, got '$(cat "$tmp/out")'" >&2
        exit 1
    fi
}

echo "parked goroutines: N = $n; bytes per goroutine, (run with N - run with 1) / (N - 1), except MemStats (after - before parking) / N"

# Go 1.19: runtime.MemStats from the Go-only twin, and the whole process's RSS for parked.go.
if command -v go >/dev/null; then
    # The MemStats twin measures inside one run (before and after parking), so it needs only N.
    with_n "$here/parked_go_memstats.go.txt" "$n" "$tmp/memstats/main.go"
    (cd "$tmp/memstats" && go build -o memstats main.go)
    for count in "$n" 1; do
        with_n "$here/parked.go" "$count" "$tmp/go$count/parked.go"
        (cd "$tmp/go$count" && go build -o parked parked.go)
    done
    echo
    echo "Go $(go env GOVERSION | sed 's/^go//'):"
    "$tmp/memstats/memstats" | awk '$1 !~ /^go\.(count|goroutines)$/ { printf "  %-40s %s\n", $1, $2 }'
    big=$(rss_kb "$tmp/go$n/parked")
    check_count "$n"
    small=$(rss_kb "$tmp/go1/parked")
    check_count 1
    row go.maxRssBytesPerGoroutine "$(per "$((big * 1024))" "$((small * 1024))")"
else
    echo "run.sh: go is not on the PATH; Go's side skipped" >&2
fi

[ "$go_only" = 1 ] && exit 0

echo
echo "Cairn (cairn run${cairn_args:+ $cairn_args}):"
declare -A stats rss
for count in "$n" 1; do
    with_n "$here/parked.go" "$count" "$tmp/cairn$count/parked.go"
    # shellcheck disable=SC2086 # CAIRN_ARGS is split into words on purpose
    rss[$count]=$(rss_kb "$cairn" run -D stats.hostHeap=true $cairn_args --stats-json "$tmp/cairn$count.json" "$tmp/cairn$count/parked.go")
    check_count "$count"
    stats[$count]=$tmp/cairn$count.json
done
for key in "$guest_key" "$stack_key" "$jvm_heap_key"; do
    row "$key/goroutine" "$(per "$(metric "${stats[$n]}" "$key")" "$(metric "${stats[1]}" "$key")")"
done
row process.maxRssBytesPerGoroutine "$(per "$((rss[$n] * 1024))" "$((rss[1] * 1024))")"
row "sched.goroutinesPeak (run with N)" "$(metric "${stats[$n]}" sched.goroutinesPeak)"
