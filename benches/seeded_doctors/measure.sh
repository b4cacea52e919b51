#!/usr/bin/env bash
# The seed descriptor (`seeded_doctors.xml` here: a Doctor per record drawn with ages and
# conditions, three script keys, CSV) run by our release `datamimic run` and by DATAMIMIC CE
# on the same machine, in one run: records per second of each, wall clock and CPU time
# (user + system), and their ratios.
#
#   DATAMIMIC_CE=/path/to/venv/bin/datamimic benches/seeded_doctors/measure.sh [OURS] [CE]
#
# OURS records (default 200,000) for ours, CE records (default 20,000) for DATAMIMIC CE, which
# is too slow for 200,000: the rates compare, each run's start-up included. DATAMIMIC_CE is
# the `datamimic` command of a virtualenv with `pip install datamimic-ce==4.3.0`. RUNS (default
# 3) runs of each, the fastest counted (the machine's other load only ever slows a run). Our
# binary is built with `cargo build --release` unless DATAMIMIC names one.
#
# With CALLGRIND=N (e.g. 20000), ours also runs under `valgrind --tool=callgrind` with N
# records and with 1, and prints the instructions per record and of the start-up: unlike
# time, these do not depend on the machine's load.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
descriptor="$repo/benches/seeded_doctors/seeded_doctors.xml"
ours_count=${1:-200000}
ce_count=${2:-20000}
runs=${RUNS:-3}
ce=${DATAMIMIC_CE:?set DATAMIMIC_CE to the datamimic command of DATAMIMIC CE 4.3 (a virtualenv with pip install datamimic-ce==4.3.0)}

if [[ -z ${DATAMIMIC:-} ]]; then
    cargo build --quiet --release -p datamimic-cli --bin datamimic --manifest-path "$repo/Cargo.toml"
    DATAMIMIC="${CARGO_TARGET_DIR:-$repo/target}/release/datamimic"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The descriptor with `count` records, in a folder of its own.
descriptor_with() {
    local count=$1 dir=$2
    mkdir -p "$dir"
    sed "s/count=\"200000\"/count=\"$count\"/" "$descriptor" >"$dir/d.xml"
}

# Runs "$@" in $1 RUNS times; prints the fastest run's wall and CPU seconds.
fastest() {
    local dir=$1
    shift
    local best_wall='' best_cpu=''
    for _ in $(seq "$runs"); do
        rm -rf "$dir/output"
        (cd "$dir" && /usr/bin/time -o "$scratch/time.txt" -f '%e %U %S' "$@" >/dev/null 2>"$scratch/stderr.txt") || {
            cat "$scratch/stderr.txt" >&2
            exit 1
        }
        read -r wall user sys <"$scratch/time.txt"
        cpu=$(echo "$user + $sys" | bc)
        if [[ -z $best_wall ]] || (($(echo "$wall < $best_wall" | bc))); then
            best_wall=$wall best_cpu=$cpu
        fi
    done
    echo "$best_wall $best_cpu"
}

# The CSV's data rows, checked against the count asked for.
check_rows() {
    local file=$1 count=$2
    local rows=$(($(wc -l <"$file") - 1))
    if ((rows != count)); then
        echo "$file: $rows records, not $count" >&2
        exit 1
    fi
}

descriptor_with "$ours_count" "$scratch/ours"
read -r ours_wall ours_cpu <<<"$(fastest "$scratch/ours" "$DATAMIMIC" run d.xml)"
check_rows "$scratch/ours/output/seeded_doctors.csv" "$ours_count"

descriptor_with "$ce_count" "$scratch/ce"
read -r ce_wall ce_cpu <<<"$(fastest "$scratch/ce" "$ce" run d.xml)"
# DATAMIMIC CE writes under output/<task id>/.
check_rows "$(find "$scratch/ce/output" -name seeded_doctors.csv)" "$ce_count"

rate() { echo "$1 / $2" | bc -l; }
printf 'seeded_doctors, fastest of %s runs     records   wall s    CPU s   records/s wall   records/s CPU\n' "$runs"
printf '  datamimic (release)       %10d %8.2f %8.2f %16.0f %15.0f\n' "$ours_count" "$ours_wall" "$ours_cpu" \
    "$(rate "$ours_count" "$ours_wall")" "$(rate "$ours_count" "$ours_cpu")"
printf '  DATAMIMIC CE              %10d %8.2f %8.2f %16.0f %15.0f\n' "$ce_count" "$ce_wall" "$ce_cpu" \
    "$(rate "$ce_count" "$ce_wall")" "$(rate "$ce_count" "$ce_cpu")"
printf '  ratio (ours / CE, per record)                       %16.0f× %14.0f×\n' \
    "$(echo "($ours_count / $ours_wall) / ($ce_count / $ce_wall)" | bc -l)" \
    "$(echo "($ours_count / $ours_cpu) / ($ce_count / $ce_cpu)" | bc -l)"

if [[ -n ${CALLGRIND:-} ]]; then
    # Instructions of a whole run (all threads) with `count` records.
    instructions() {
        local count=$1 dir="$scratch/callgrind-$1"
        descriptor_with "$count" "$dir"
        (cd "$dir" && valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" \
            "$DATAMIMIC" run d.xml >/dev/null 2>"$dir/valgrind.txt") || {
            cat "$dir/valgrind.txt" >&2
            exit 1
        }
        check_rows "$dir/output/seeded_doctors.csv" "$count"
        grep '^summary:' "$dir/callgrind.out" | awk '{print $2}'
    }
    one=$(instructions 1)
    many=$(instructions "$CALLGRIND")
    printf 'callgrind: %s instructions with 1 record, %s with %s: %.0f per record, start-up %.1f M\n' \
        "$one" "$many" "$CALLGRIND" "$(echo "($many - $one) / ($CALLGRIND - 1)" | bc -l)" \
        "$(echo "$one / 1000000" | bc -l)"
fi
