#!/usr/bin/env bash
# Runs hotsplit.go under the segmented stack strategy with each segment cache policy and under the
# copying strategy, and prints one table: the same guest work, four ways of managing its stack.
#
#   bench/hotsplit/run.sh                 from anywhere in the checkout
#   REPEAT=5 bench/hotsplit/run.sh        best wall time of five runs per configuration
#   CAIRN_ARGS='-D jit=off' bench/hotsplit/run.sh    extra `cairn run` options for every row
#   CAIRN=/path/to/cairn bench/hotsplit/run.sh
#
# Counts come from `cairn run --stats-json` and are deterministic; wall time is the run's own
# time.wallNanos (JIT warm-up included, JVM start-up excluded) and is not.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cairn=${CAIRN:-$root/cairn}
prog=$here/hotsplit.go
repeat=${REPEAT:-1}
cairn_args=${CAIRN_ARGS:-}
# The leaf calls the hot loop makes; keep in step with the loop count in hotsplit.go.
calls=1000000

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# metric FILE KEY: one value from the flat JSON object --stats-json writes (one key per line), or 0.
metric() {
    local v
    v=$(sed -n "s/^ *\"$2\": *\([0-9-]*\).*/\1/p" "$1")
    echo "${v:-0}"
}

printf '%-18s %12s %10s %10s %10s %10s %10s %9s\n' \
    configuration instructions allocated freed reused switches "wall ms" "ns/call"

expected_out=
for config in segmented:none segmented:one segmented:peak copying:-; do
    stack=${config%%:*}
    policy=${config#*:}
    name=$stack
    # shellcheck disable=SC2206 # CAIRN_ARGS is split into words on purpose
    args=(run --stack "$stack" $cairn_args)
    if [ "$policy" != - ]; then
        name="$stack/$policy"
        args+=(-D "segment.cache=$policy")
    fi
    best=
    for ((i = 0; i < repeat; i++)); do
        json=$tmp/run.json
        if ! "$cairn" "${args[@]}" --stats-json "$json" "$prog" >"$tmp/out" 2>"$tmp/err"; then
            echo "run.sh: $name failed:" >&2
            cat "$tmp/err" >&2
            exit 1
        fi
        if [ -z "$expected_out" ]; then
            expected_out=$(cat "$tmp/out")
        elif [ "$(cat "$tmp/out")" != "$expected_out" ]; then
            echo "run.sh: $name printed something else than the first configuration:" >&2
            cat "$tmp/out" >&2
            exit 1
        fi
        wall=$(metric "$json" time.wallNanos)
        if [ -z "$best" ] || [ "$wall" -lt "$best" ]; then
            best=$wall
            cp "$json" "$tmp/best.json"
        fi
    done
    j=$tmp/best.json
    awk -v name="$name" -v ins="$(metric "$j" vm.instructions)" \
        -v alloc="$(metric "$j" stack.segmentsAllocated)" -v freed="$(metric "$j" stack.segmentsFreed)" \
        -v reused="$(metric "$j" stack.segmentsReused)" -v sw="$(metric "$j" stack.segmentSwitches)" \
        -v wall="$best" -v calls="$calls" 'BEGIN {
            printf "%-18s %12d %10d %10d %10d %10d %10.1f %9.1f\n",
                name, ins, alloc, freed, reused, sw, wall / 1e6, wall / calls
        }'
done
