#!/usr/bin/env bash
# What datamimic costs a user crate: a clean debug build of a crate with one
# `#[derive(Mimic)]` struct against the same struct written with `fake`, timed in one run,
# and the size of each one's release binary (a program that prints ten records; datamimic-user
# also with US data only, `--no-default-features`).
#
#   benches/user-crate/measure.sh [SCRATCH_DIR]
#
# The two crates are copied to SCRATCH_DIR (default: a new temporary directory) and built
# there with their own target directories, starting from this repository's Cargo.lock so both
# use the versions the workspace uses. Wall time depends on the machine's load; the CPU time
# (user + system) next to it is steadier. The scratch directory is removed at the end unless
# it was given.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${1:-}
if [[ -z $scratch ]]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
fi
mkdir -p "$scratch"

for crate in datamimic-user fake-user; do
    rm -rf "${scratch:?}/$crate"
    cp -r "$repo/benches/user-crate/$crate" "$scratch/$crate"
    sed -i "s|path = \"../../..\"|path = \"$repo\"|" "$scratch/$crate/Cargo.toml"
    cp "$repo/Cargo.lock" "$scratch/$crate/Cargo.lock"
done

# Resolve (and download) first, so the timed builds only compile.
for crate in datamimic-user fake-user; do
    (cd "$scratch/$crate" && cargo fetch --quiet)
done

timed_build() {
    local crate=$1 profile=$2
    local target="$scratch/target-$crate-$profile"
    rm -rf "$target"
    local flag=()
    [[ $profile == release* ]] && flag=(--release)
    [[ $profile == release-us ]] && flag+=(--no-default-features)
    /usr/bin/time -o "$scratch/time.txt" -f '%e %U %S' cargo build --quiet "${flag[@]}" \
        --manifest-path "$scratch/$crate/Cargo.toml" --target-dir "$target" >&2
    read -r wall user sys <"$scratch/time.txt"
    printf '%s\n' "$wall $(echo "$user + $sys" | bc)"
}

echo "clean debug builds (wall s, cpu s):"
dm=$(timed_build datamimic-user debug)
fake=$(timed_build fake-user debug)
read -r dm_wall dm_cpu <<<"$dm"
read -r fake_wall fake_cpu <<<"$fake"
printf '  datamimic-user  %6.1f  %6.1f\n' "$dm_wall" "$dm_cpu"
printf '  fake-user       %6.1f  %6.1f\n' "$fake_wall" "$fake_cpu"
printf '  ratio           %6.2f  %6.2f\n' "$(echo "$dm_wall / $fake_wall" | bc -l)" "$(echo "$dm_cpu / $fake_cpu" | bc -l)"

echo "release binaries (bytes), each printing ten records:"
for build in datamimic-user:release datamimic-user:release-us fake-user:release; do
    crate=${build%%:*} profile=${build#*:}
    timed_build "$crate" "$profile" >/dev/null
    bin="$scratch/target-$crate-$profile/release/$crate"
    printf '  %-28s %10d\n' "$crate ($profile)" "$(stat -c %s "$bin")"
    # Into a file first: a pipe that `head` closes early makes the program panic (broken
    # pipe), and with pipefail that ended the script at random.
    "$bin" >"$scratch/records.txt"
    head -n 1 "$scratch/records.txt" | cut -c 1-100 | sed 's/^/    /'
    rm -rf "$scratch/target-$crate-$profile"
done
