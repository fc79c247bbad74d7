#!/usr/bin/env bash
# Times pingpong.go as a whole process (start-up included) under Cairn and built with Go 1.19,
# side by side, and prints Cairn's time as a multiple of Go's.
#
#   bench/pingpong/run.sh                       from anywhere in the checkout
#   RUNS=10 bench/pingpong/run.sh               timed runs per command (default 5, plus a warm-up)
#   CAIRN_ARGS='--stack segmented' bench/pingpong/run.sh    extra `cairn run` options
#   GO_ONLY=1 bench/pingpong/run.sh             only the Go side (no cairn run)
#   CAIRN=/path/to/cairn bench/pingpong/run.sh
#   NO_HYPERFINE=1 bench/pingpong/run.sh        use /usr/bin/time even when hyperfine is there
#
# Uses hyperfine when it is on the PATH (mean of RUNS runs), else /usr/bin/time (best of RUNS).
# Go is timed twice: with its default GOMAXPROCS (the reference for the ratio) and with
# GOMAXPROCS=1, which is closer to Cairn's single executor and is usually faster here.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cairn=${CAIRN:-$root/cairn}
prog=$here/pingpong.go
runs=${RUNS:-5}
cairn_args=${CAIRN_ARGS:-}
go_only=${GO_ONLY:-0}
# The round trips pingpong.go makes and prints; keep in step with its rounds constant.
rounds=1000000

command -v go >/dev/null || { echo "run.sh: go is not on the PATH" >&2; exit 1; }
case "$(go env GOVERSION)" in
    go1.19|go1.19.*) ;;
    *) echo "run.sh: warning: the reference is Go 1.19, found $(go env GOVERSION)" >&2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$prog" "$tmp/pingpong.go"
(cd "$tmp" && go build -o pingpong-go pingpong.go)
gobin=$tmp/pingpong-go

names=("go" "go GOMAXPROCS=1")
cmds=("$gobin" "env GOMAXPROCS=1 $gobin")
if [ "$go_only" != 1 ]; then
    names+=("cairn")
    # shellcheck disable=SC2206 # CAIRN_ARGS is split into words on purpose
    cmds+=("$cairn run $cairn_args $prog")
fi

# Every command must print the count before anything is timed (this also lets ./cairn build).
for i in "${!cmds[@]}"; do
    if ! out=$(${cmds[$i]} 2>"$tmp/err"); then
        echo "run.sh: ${names[$i]} failed:" >&2
        cat "$tmp/err" >&2
        exit 1
    fi
    if [ "$out" != "$rounds" ]; then
        echo "run.sh: ${names[$i]} printed '$out', expected $rounds" >&2
        exit 1
    fi
done

# shellcheck source=../timing.sh
. "$here/../timing.sh"
time_args=()
for i in "${!cmds[@]}"; do
    time_args+=("${names[$i]}" "${cmds[$i]}")
done
time_commands "$runs" "$tmp" "${time_args[@]}"

echo "pingpong, $rounds round trips, whole process ($how)"
printf '%-18s %10s %12s %10s\n' command "wall s" "ns/trip" "x go"
for i in "${!cmds[@]}"; do
    awk -v name="${names[$i]}" -v t="${seconds[$i]}" -v go="${seconds[0]}" -v n="$rounds" 'BEGIN {
        printf "%-18s %10.3f %12.1f %10.2f\n", name, t, t * 1e9 / n, t / go
    }'
done
