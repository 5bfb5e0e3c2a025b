#!/usr/bin/env python3
"""The extraction against the bench's bare aho-corasick pass: instructions, simulated branch
mispredictions, and interleaved wall time, over the same articles.

    python3 scripts/against_bare.py [--articles 300] [--rounds 7] [--no-build] [--no-ab]

Issue 11, item 4: extraction >= 1.0x the bare pass. `cargo bench` gives the wall ratio;
on a shared host it drifts with the host's speed from one group to the next, and it does
not say why the two differ. This script gives both sides of the why. Standard library and
valgrind.

1. Builds the release examples `against_bare` and `naive_gazetteer` unless --no-build, and
   takes the first --articles articles of the bench corpus (the file batch_vs_naive.py
   writes; 300 articles are the 1.29 MB of the profile the README's stage table counts).
2. Runs `against_bare extract` and `against_bare bare` under
   `valgrind --tool=callgrind --branch-sim=yes`, collection limited to the pass itself
   (`extract_pass`, `bare_pass`: the extraction as the bench times it, events made and
   dropped; the bench's two automata over every built-in pattern). Prints for each:
   instructions, per byte, conditional and indirect branches, and the mispredictions of
   valgrind's simple predictor model (a real core predicts better, so read them as a
   relative measure), and the ratios bare / extraction.
3. Unless --no-ab, runs `against_bare ab ROUNDS` over the same articles: wall time of the
   two passes interleaved chunk by chunk (see examples/against_bare.rs).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import batch_vs_naive as bvn

AGAINST = os.path.join(bvn.EXAMPLES, "against_bare")

EVENTS = ("Ir", "Bc", "Bcm", "Bi", "Bim")

# instructions of wall time one simulated misprediction costs here (see report())
WEIGHT = 30


def build():
    subprocess.run(
        ["cargo", "build", "--release", "--example", "against_bare",
         "--example", "naive_gazetteer"],
        cwd=bvn.ROOT,
        check=True,
    )


def first_articles(n, out_dir):
    """The first n lines of the bench corpus, in a file of their own."""
    path = os.path.join(out_dir, f"first-{n}.jsonl")
    lines = []
    with open(bvn.corpus(20), encoding="utf-8") as f:
        for line in f:
            if len(lines) == n:
                break
            lines.append(line)
    if len(lines) < n:
        sys.exit(f"the corpus holds {len(lines)} articles, fewer than {n}")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return path


def counted(mode, path, out_dir, binary=AGAINST, env=None, tag=""):
    """The callgrind totals of `against_bare MODE < path`, collection limited to the pass
    (`binary` another build of it, run with `env`; `tag` names its profile file)."""
    cg = os.path.join(out_dir, f"{mode}{tag}.cg.out")
    with open(path, "rb") as stdin:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--branch-sim=yes",
             f"--callgrind-out-file={cg}", f"--toggle-collect=*against_bare*{mode}_pass*",
             binary, mode],
            stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
            env=env,
        )
    names = totals = None
    with open(cg, encoding="utf-8") as f:
        for line in f:
            if line.startswith("events:"):
                names = line.split()[1:]
            elif re.match(r"(summary|totals):", line):
                totals = [int(x) for x in line.split()[1:]]
                break
    if names is None or totals is None:
        sys.exit(f"no totals in {cg}")
    got = dict(zip(names, totals))
    return {e: got.get(e, 0) for e in EVENTS}


def report(ex, bare, text_bytes):
    rows = [
        ("instructions", "Ir"),
        ("conditional branches", "Bc"),
        ("  mispredicted", "Bcm"),
        ("indirect branches", "Bi"),
        ("  mispredicted", "Bim"),
    ]
    print(f"\n{'callgrind, the pass alone':32} {'extraction':>14} {'bare pass':>14} "
          f"{'bare/extraction':>16}")
    for label, e in rows:
        a, b = ex[e], bare[e]
        ratio = f"{b / a:.3f}" if a else "-"
        print(f"{label:32} {a / 1e6:>12.2f} M {b / 1e6:>12.2f} M {ratio:>16}")
    print(f"{'instructions per byte':32} {ex['Ir'] / text_bytes:>14.1f} "
          f"{bare['Ir'] / text_bytes:>14.1f}")
    miss = {k: v["Bcm"] + v["Bim"] for k, v in (("ex", ex), ("bare", bare))}
    print(f"{'mispredictions per KB':32} {miss['ex'] / text_bytes * 1e3:>14.1f} "
          f"{miss['bare'] / text_bytes * 1e3:>14.1f}")
    # the weight of a simulated misprediction, in instructions of wall time, as measured
    # on this machine: on 2 December 2026 a cut of 0.45 M of them (for 2.6 M more
    # instructions) raised the interleaved wall ratio from 0.617 to 0.687
    est = {k: v["Ir"] + WEIGHT * miss[k] for k, v in (("ex", ex), ("bare", bare))}
    print(f"{f'Ir + {WEIGHT} x mispredictions':32} {est['ex'] / 1e6:>12.2f} M "
          f"{est['bare'] / 1e6:>12.2f} M {est['bare'] / est['ex']:>16.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--rounds", type=int, default=7, help="rounds of the ab mode (default 7)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    ap.add_argument("--no-ab", action="store_true", help="skip the wall-time rounds")
    args = ap.parse_args()
    if args.articles < 1 or args.rounds < 1:
        sys.exit("--articles and --rounds must be positive")

    if not args.no_build:
        build()
    with tempfile.TemporaryDirectory() as out_dir:
        path = first_articles(args.articles, out_dir)
        articles, text_bytes = bvn.text_stats(path)
        print(f"{articles} articles of the bench corpus, {text_bytes / 1e6:.2f} MB of text")
        report(counted("extract", path, out_dir), counted("bare", path, out_dir), text_bytes)
        if not args.no_ab:
            print(f"\nwall time, interleaved ({args.rounds} rounds; "
                  f"load average at start {os.getloadavg()[0]:.1f})")
            with open(path, "rb") as stdin:
                subprocess.run([AGAINST, "ab", str(args.rounds)], stdin=stdin, check=True)


if __name__ == "__main__":
    main()
