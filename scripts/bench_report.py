#!/usr/bin/env python3
"""Summarise the last `cargo bench` run: MB/s, articles/s, extraction/baseline ratio.

Reads target/criterion/<group>/<bench>/new/{estimates,benchmark}.json, which criterion
overwrites on every run, so all figures come from the same (latest) run of each bench.

    cargo bench   # or: --bench extract, --bench gazetteer, --bench cold_start
    python3 scripts/bench_report.py [--criterion-dir target/criterion] [--markdown]

MB here is 10^6 bytes (criterion's "MB/s" too; its "MiB/s" is 2^20).
"""

import argparse
import json
import os
import sys


def load(root, group, bench):
    d = os.path.join(root, group, bench, "new")
    try:
        with open(os.path.join(d, "estimates.json")) as f:
            est = json.load(f)
        with open(os.path.join(d, "benchmark.json")) as f:
            meta = json.load(f)
    except FileNotFoundError:
        return None
    mean = est["mean"]
    return {
        "ns": mean["point_estimate"],
        "lo": mean["confidence_interval"]["lower_bound"],
        "hi": mean["confidence_interval"]["upper_bound"],
        "throughput": meta.get("throughput") or {},
    }


def rate(r):
    """(value per second, unit) from a bench result with a throughput, else (None, None)."""
    tp = r["throughput"]
    secs = r["ns"] / 1e9
    if "Bytes" in tp:
        return tp["Bytes"] / secs / 1e6, "MB/s"
    if "BytesDecimal" in tp:
        return tp["BytesDecimal"] / secs / 1e6, "MB/s"
    if "Elements" in tp:
        return tp["Elements"] / secs, "articles/s"
    return None, None


def fmt_time(ns):
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns / div:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--criterion-dir", default=os.path.join("target", "criterion"))
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    root = args.criterion_dir
    if not os.path.isdir(root):
        sys.exit(f"bench_report: no {root}: run `cargo bench` first")

    rows = []  # (what, figure, time per iteration)

    def add(label, group, bench):
        r = load(root, group, bench)
        if r is None:
            return None
        value, unit = rate(r)
        figure = f"{value:,.1f} {unit}" if value is not None else ""
        rows.append((label, figure, fmt_time(r["ns"])))
        return value

    full = add("extraction (5 MB corpus)", "extract", "full")
    base = add("baseline: bare aho-corasick", "extract", "baseline_aho_corasick")
    add("extraction, articles/s", "extract_articles", "full")
    add("extraction, gazetteer built at run time (built-in + a user file)", "extract_gazetteer", "built_in_and_user")
    if full and base:
        ratio = full / base
        word = f"{1 / ratio:.2f}x slower" if ratio < 1 else f"{ratio:.2f}x faster"
        rows.append(("ratio extraction / baseline", f"{ratio:.3f} ({word})", ""))
    for size in ("1KB", "100KB", "10MB"):
        add(f"scaling: one {size} article", "scaling", size)
    add("gazetteer build (built-in)", "gazetteer", "build_builtin")
    add("cold start: process start to first output line", "cold_start", "first_output_line")

    if not rows:
        sys.exit(f"bench_report: no results under {root}")
    if args.markdown:
        print("| what | figure | time per iteration |")
        print("|---|---|---|")
        for r in rows:
            print(f"| {r[0]} | {r[1]} | {r[2]} |")
    else:
        w = max(len(r[0]) for r in rows)
        for r in rows:
            print(f"{r[0]:<{w}}  {r[1]:<28}  {r[2]}")
    print("(memory and pattern count: the `gazetteer:` line on stderr of `cargo bench --bench gazetteer`)")


if __name__ == "__main__":
    main()
