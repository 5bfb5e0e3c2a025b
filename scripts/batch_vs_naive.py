#!/usr/bin/env python3
"""The `extract --jsonl` batch mode against a bare pass of a naive 36,000-name gazetteer.

    python3 scripts/batch_vs_naive.py [--mb 20] [--runs 5] [--no-build]

Issue 11, item 4: the batch mode, whole process, at >= 0.75x a bare pass of a naive
36,000-name gazetteer over the same text. Standard library only.

1. Builds the two release examples (`extract`, `naive_gazetteer`) unless --no-build.
2. Writes the bench corpus (`benches/corpus/`, deterministic) as JSON lines until the
   articles' texts reach --mb MB, to target/batch_vs_naive/corpus-<MB>mb.jsonl (kept and
   reused: the same bytes each time).
3. Times, interleaved, --runs times each: `extract --jsonl --threads 1`, `extract --jsonl`
   (the default: every core), and `naive_gazetteer` (see examples/naive_gazetteer.rs: the
   first 36,000 distinct names of data/*.tsv in one aho-corasick automaton, ASCII
   case-insensitive, leftmost-longest), each reading the corpus on standard input, output
   to /dev/null. Wall time from spawn to exit, and user+sys CPU time of the child
   (getrusage RUSAGE_CHILDREN).
4. Prints MB/s (MB = 10^6 bytes of article text, the same for every program) and the
   ratios batch mode / naive pass: whole process against whole process (start, JSON read,
   automaton build, pass), and whole process against the pass alone (as the naive program
   times it inside itself). Best of the runs, and the range.

On a shared machine the wall times measure the share of a core each run got; the CPU
times are the steadier figures, and the script prints both.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
EXAMPLES = os.path.join(TARGET, "release", "examples")
EXTRACT = os.path.join(EXAMPLES, "extract")
NAIVE = os.path.join(EXAMPLES, "naive_gazetteer")


def build():
    subprocess.run(
        ["cargo", "build", "--release", "--example", "extract", "--example", "naive_gazetteer"],
        cwd=ROOT,
        check=True,
    )


def corpus(mb):
    """The corpus file for `mb` MB of text, written once."""
    out_dir = os.path.join(TARGET, "batch_vs_naive")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"corpus-{mb:g}mb.jsonl")
    if not os.path.exists(path):
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            subprocess.run([NAIVE, "--write-corpus", str(int(mb * 1e6))], stdout=f, check=True)
        os.replace(tmp, path)
    return path


def text_stats(path):
    articles = text_bytes = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                articles += 1
                text_bytes += len(json.loads(line)["text"].encode("utf-8"))
    return articles, text_bytes


def timed(argv, path, capture=False):
    """(wall seconds, user+sys CPU seconds, stdout or None) of one run of argv < path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(path, "rb") as stdin:
        start = time.perf_counter()
        done = subprocess.run(
            argv,
            stdin=stdin,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            check=True,
        )
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def mbs(text_bytes, seconds):
    return text_bytes / 1e6 / seconds


def span(values, fmt="{:.2f}"):
    """The range of values, written once when both ends print the same."""
    lo, hi = fmt.format(min(values)), fmt.format(max(values))
    return lo if lo == hi else f"{lo}-{hi}"


def rates(text_bytes, seconds):
    """Best MB/s, and the range across runs."""
    best = mbs(text_bytes, min(seconds))
    return f"{best:>7.1f} ({span([mbs(text_bytes, s) for s in seconds], '{:.1f}')})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20, help="MB of article text (default 20)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each program (default 5)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    args = ap.parse_args()

    if not args.no_build:
        build()
    path = corpus(args.mb)
    articles, text_bytes = text_stats(path)
    file_bytes = os.path.getsize(path)
    print(
        f"corpus: {path}\n  {articles:,} articles, {text_bytes / 1e6:.1f} MB of text "
        f"({file_bytes / 1e6:.1f} MB of JSON lines); cores: {os.cpu_count()}, "
        f"load average at start: {os.getloadavg()[0]:.1f}"
    )

    programs = {
        "batch, --threads 1": [EXTRACT, "--jsonl", "--threads", "1"],
        "batch, default threads": [EXTRACT, "--jsonl"],
        "naive gazetteer": [NAIVE],
    }
    walls = {name: [] for name in programs}
    cpus = {name: [] for name in programs}
    passes, builds, reads, figures = [], [], [], None
    for _ in range(args.runs):
        for name, argv in programs.items():
            wall, cpu, out = timed(argv, path, capture=name == "naive gazetteer")
            walls[name].append(wall)
            cpus[name].append(cpu)
            if out is not None:
                figures = json.loads(out)
                if figures["text_bytes"] != text_bytes:
                    sys.exit(f"naive_gazetteer read {figures['text_bytes']} bytes of text")
                passes.append(figures["pass_s"])
                builds.append(figures["build_s"])
                reads.append(figures["read_s"])

    print(
        f"naive gazetteer: {figures['names']:,} names (the last: {figures['last_name']}), "
        f"{figures['automaton']}, {figures['matches']:,} matches; "
        f"read+parse {span(reads, '{:.3f}')} s, build {span(builds, '{:.3f}')} s, "
        f"pass {span(passes, '{:.3f}')} s"
    )
    print(f"\n{args.runs} runs each, interleaved; MB/s of article text, best run (range)")
    print(f"{'':26} {'wall s':>13} {'MB/s (wall)':>15} {'CPU s':>13} {'MB/s (CPU)':>15}")
    for name in programs:
        w, c = walls[name], cpus[name]
        print(f"{name:26} {span(w):>13} {rates(text_bytes, w)}", end=" ")
        print(f"{span(c):>13} {rates(text_bytes, c)}")
    print(f"{'naive pass alone':26} {span(passes, '{:.3f}'):>13} {rates(text_bytes, passes)}")

    one = "batch, --threads 1"
    print("\nratio batch mode / naive (best against best; >= 0.75 is issue 11's target)")
    rows = [
        ("whole process, wall", min(walls["naive gazetteer"]), min(walls[one])),
        ("whole process, CPU", min(cpus["naive gazetteer"]), min(cpus[one])),
        ("against the pass alone, wall", min(passes), min(walls[one])),
        ("against the pass alone, CPU", min(passes), min(cpus[one])),
        ("default threads, whole process, wall", min(walls["naive gazetteer"]),
         min(walls["batch, default threads"])),
    ]
    for label, naive_s, batch_s in rows:
        print(f"  {label:38} {naive_s / batch_s:.2f}")


if __name__ == "__main__":
    main()
