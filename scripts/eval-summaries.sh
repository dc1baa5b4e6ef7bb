#!/usr/bin/env bash
# Score corroborate's summaries side by side with the peer summarizers (sumy's LexRank, TextRank, LSA,
# KL-Sum and the lead baseline) on the summarization dev sets in ../shared/data, with the same ROUGE in one
# run per set. Needs the peers venv: bash ../shared/tools/peers/setup_peers.sh /tmp/peers-venv
#
#   scripts/eval-summaries.sh [duc2003|duc2007|multinews]...   (default: all three)
#
# "ours" prints one sentence past the budget (--overflow) so the scorer's cut fills the budget to the word,
# as it does for the peers, which take sentences in rank order until the budget is crossed; "ours-fit" is
# the summary a reader gets, whole sentences within the budget.
#
# Outputs go to /tmp/corroborate-summaries/<set>/run (table.md, scores.csv). The dev sets are read from
# ../shared and never copied into this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
venv=${PEERS_VENV:-/tmp/peers-venv}
work=${WORK:-/tmp/corroborate-summaries}
if [ ! -d "$shared/data/summarization" ]; then
    echo "skipped: $shared/data/summarization is absent"; exit 0
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "no peers venv at $venv: run bash $shared/tools/peers/setup_peers.sh $venv"; exit 2
fi
# The binary run-example.sh builds: static on x86-64 Linux (scripts/build-cli.sh).
bin=$(scripts/build-cli.sh)
export RAYON_NUM_THREADS=1
mkdir -p "$work"
# Query-focused sets read the question from topics/<cluster>.txt beside clusters/.
cat > "$work/ask-topic.sh" <<SH
#!/bin/sh
id=\$(basename "\$2"); base=\$(dirname "\$(dirname "\$2")")
exec "$bin" summarize --overflow --max-words "\$1" --query "\$(cat "\$base/topics/\$id.txt")" "\$2"
SH
chmod +x "$work/ask-topic.sh"
run() { # name jsonl limit budget systems external...
    local name=$1 src=$2 limit=$3 budget=$4 systems=$5
    shift 5
    local ext=()
    for e in "$@"; do ext+=(--external "$e"); done
    if [ ! -d "$work/$name/clusters" ]; then
        python3 "$shared/tools/jsonl_to_clusters.py" "$shared/data/summarization/$src" "$work/$name" \
            ${limit:+--limit $limit}
    fi
    "$venv/bin/python" "$shared/tools/peers/run_peers.py" "$work/$name" --budgets "$budget" \
        --systems "$systems" "${ext[@]}" --out "$work/$name/run"
}
sets=${*:-duc2003 duc2007 multinews}
for s in $sets; do
    case $s in
        duc2003) run duc2003 duc2003_task2.jsonl "" 100w lexrank,textrank,lsa,kl,lead \
                     "ours=$bin summarize --overflow --max-words {words} {cluster}" \
                     "ours-fit=$bin summarize --max-words {words} {cluster}" ;;
        duc2007) run duc2007 duc2007_main.jsonl "" 250w lexrank,lead \
                     "ours=$work/ask-topic.sh {words} {cluster}" ;;
        multinews) run multinews multinews_val.jsonl 1000 260w lexrank,lead \
                     "ours=$bin summarize --overflow --max-words {words} {cluster}" \
                     "ours-fit=$bin summarize --max-words {words} {cluster}" ;;
        *) echo "unknown set $s (duc2003, duc2007, multinews)"; exit 2 ;;
    esac
done
