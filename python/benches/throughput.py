"""Throughput of Extractor.extract_many on a JSON-lines corpus, the input of the Rust
batch mode (`cargo run --release --example extract -- --jsonl`).

    python benches/throughput.py CORPUS.jsonl [--threads N] [--runs R] [--check EVENTS.jsonl]

Reads every line ({"id", "text", "date"}) into memory first, then times extract_many on
all of them (best of R runs, wall and CPU time, the gazetteer built before timing). --check
compares the events with the Rust batch mode's output for the same file (one {"id",
"events"} per line).
The bench corpus of the crate is written by
`BENCH_DUMP_CORPUS=CORPUS.jsonl cargo bench --bench extract -- no_such_bench`.
"""

import argparse
import json
import time

import conflict_events


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check", metavar="EVENTS_JSONL")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    texts = [line["text"] for line in lines]
    dates = [line.get("date") for line in lines]
    size = sum(len(t.encode("utf-8")) for t in texts)
    extractor = conflict_events.Extractor()
    extractor.extract("warm-up: builds the gazetteer")
    best, best_cpu = float("inf"), float("inf")
    for _ in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        events = extractor.extract_many(texts, dates, threads=args.threads)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    count = sum(map(len, events))
    print(
        f"{len(texts)} articles, {size / 1e6:.2f} MB, {count} events, threads={args.threads}: "
        f"best of {args.runs} {best:.3f} s, {len(texts) / best:,.0f} articles/s, "
        f"{size / 1e6 / best:.2f} MB/s; CPU {best_cpu:.3f} s"
    )
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            rust = [json.loads(line)["events"] for line in f if line.strip()]
        same = rust == events
        print("same events as the Rust batch mode:", same)
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
