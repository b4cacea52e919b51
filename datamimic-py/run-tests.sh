#!/usr/bin/env bash
# Builds the Python package into a virtualenv under target/ and runs its pytest suite (the last
# step of the README's test command). maturin, pytest, pyarrow, dask and distributed (for the
# sharded example's local cluster) come from PyPI at pinned versions.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/target/pyvenv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==1.16.0" "pytest==8.3.4" "pyarrow==22.0.0" "dask==2026.8.0" "distributed==2026.8.0"
cargo build --quiet -p datamimic-cli --bin datamimic
# A debug build (quick to compile; speed is not under test) as a wheel, installed like a user's.
wheels="$root/target/pywheels"
rm -rf "$wheels"
"$venv/bin/maturin" build --quiet --interpreter "$venv/bin/python" -m "$root/datamimic-py/Cargo.toml" -o "$wheels"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheels"/datamimic-*.whl
DATAMIMIC_BIN="$root/target/debug/datamimic" "$venv/bin/python" -m pytest -p no:cacheprovider "$root/datamimic-py/tests"
