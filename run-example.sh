#!/usr/bin/env bash
# Build corroborate and run it on the bundled example corpus (fiction written for this project):
# ingest into a fresh store, show what it holds and who said what, then brief the dam story, answer
# questions from the sources, and verify an AI-written summary against them.
set -euo pipefail
cd "$(dirname "$0")"
# A static binary on x86-64 Linux, cargo's usual one elsewhere (see scripts/build-cli.sh).
bin=$(scripts/build-cli.sh)
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
echo; echo "== stories (the corpus covers two events)"
"$bin" stories
echo; echo "== briefing of story 0, the dam talks (markdown)"
"$bin" brief --format markdown 0
echo; echo "== ask: where were the dam talks held?"
"$bin" ask "Where were the dam talks held?"
echo; echo "== ask: a question the sources cannot answer"
"$bin" ask --sources examples/corpus "What did the orchestra play at the coronation?" || true
echo; echo "== verify the AI-written summary (exit code 1: two claims fail)"
"$bin" verify examples/ai/ai-summary-dam-talks.txt --sources examples/corpus || true
echo
echo "Browse the same store in a web page (HTTP API under /api/, see README.md):"
echo "  cargo run --release -p corroborate-cli --features serve -- --data $data serve"
