# Times whole commands side by side; sourced by the benchmark scripts (bench/*/run.sh).
#
#   time_commands RUNS TMPDIR NAME CMD [NAME CMD ...]
#
# Sets `seconds` (one entry per command, in order) and `how` (a phrase saying how they were
# taken). With hyperfine on the PATH (and NO_HYPERFINE unset) each is the mean of RUNS runs
# after one warm-up, the commands interleaved by hyperfine; otherwise the best of RUNS runs
# under /usr/bin/time. A CMD is split into words (no shell syntax).
time_commands() {
    local runs=$1 tmp=$2
    shift 2
    local names=() cmds=() args=() i r t best
    while [ $# -ge 2 ]; do
        names+=("$1")
        cmds+=("$2")
        args+=(--command-name "$1" "$2")
        shift 2
    done
    seconds=()
    if [ "${NO_HYPERFINE:-0}" != 1 ] && command -v hyperfine >/dev/null; then
        how="hyperfine, mean of $runs runs after one warm-up"
        hyperfine --style basic --warmup 1 --runs "$runs" --export-csv "$tmp/times.csv" "${args[@]}" >&2
        # CSV columns: command,mean,stddev,median,user,system,min,max (one row per command, in order).
        mapfile -t seconds < <(awk -F, 'NR > 1 { print $2 }' "$tmp/times.csv")
    else
        how="/usr/bin/time, best of $runs runs"
        for i in "${!cmds[@]}"; do
            best=
            for ((r = 0; r < runs; r++)); do
                # shellcheck disable=SC2086 # the command is split into words on purpose
                /usr/bin/time -f %e -o "$tmp/time" ${cmds[$i]} >/dev/null 2>&1
                t=$(cat "$tmp/time")
                if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then
                    best=$t
                fi
            done
            seconds+=("$best")
        done
    fi
}
