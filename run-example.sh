#!/usr/bin/env bash
# Build corroborate and run it on the bundled example corpus (fiction written for this project):
# ingest into a fresh store, then show what it holds, who is named, who said what, and a search.
set -euo pipefail
cd "$(dirname "$0")"
cargo build --release -q -p corroborate-cli
bin=target/release/corroborate
data=target/example-data
rm -rf "$data"
export CORROBORATE_DATA="$data"
echo "== ingest examples/corpus"
"$bin" ingest examples/corpus
echo; echo "== stats"
"$bin" stats
echo; echo "== entities (merged across spellings and outlets)"
"$bin" entities --limit 12
echo; echo "== quotes by Yuri Barzenko"
"$bin" quotes --speaker barzenko
echo; echo "== search: dam commission"
"$bin" search dam commission --limit 3
