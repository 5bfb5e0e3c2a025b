#!/usr/bin/env python3
"""What each stage of the extraction costs in wall time, measured by taking it out.

    python3 scripts/stage_bounds.py [--articles 1221] [--pairs 8] [--count N] [--no-build]
                                    [STAGE ...]

Issue 11 asks for the profile by stage. A profiler gives the share of the samples a
function takes; this gives, for each stage, how much faster the whole extraction runs
without it. That also counts what the stage leaves to the stages after it and to the next
article (the allocator's state, the code and data it pushed out of the caches), so it is
the bound of what making the stage free would give, and a stage can cost more in wall time
than its share of the instructions.

1. Builds the release example `against_bare` with the `stage-bounds` feature into
   target/stage-bounds (src/bounds.rs: `CONFLICT_EVENTS_SKIP` names the stages that do
   nothing), and `naive_gazetteer`, which writes the bench corpus, unless --no-build.
2. Takes the first --articles articles of the bench corpus (1,221 articles are 5.24 MB).
3. Runs `against_bare ab 3` (the extraction and the bare aho-corasick pass interleaved chunk
   by chunk, examples/against_bare.rs) with every stage on, then with each stage out, in
   turn, --pairs times, so that a drift of the host falls on all alike.
4. Prints, for each, the mean ratio extraction / bare (the ratio of sums of each run), the
   extraction's time in units of the bare pass's, and the stage's cost: the time with every
   stage on less the time without it, also as a share of the time with every stage on.
5. With --count N, also counts each variant over the first N articles under callgrind with
   its branch simulation (as scripts/against_bare.py does; some 90 s a variant for 300) and
   gives each stage's share of the weighted count, instructions + 30 x mispredictions,
   beside its share of the wall time.

The stages (src/bounds.rs): names (the gazetteer's name walk: without it no later stage
reads a mention, so its bound holds their work on mentions too), mentions (the walk runs,
what it finds is dropped: names less mentions is the walk's own cost), strike, kinds, casualty,
casualty-rules (the casualty rules without the figures they read), casualty-output (their
figures linked and put in the output), remap. Standard library only.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import against_bare
import batch_vs_naive as bvn

STAGES = ("names", "mentions", "strike", "kinds", "casualty", "casualty-rules", "casualty-output", "remap")
TARGET = os.path.join(bvn.ROOT, "target", "stage-bounds")
AGAINST = os.path.join(TARGET, "release", "examples", "against_bare")
RATIO = re.compile(r"ratio of sums ([0-9.]+)")


def build():
    subprocess.run(
        ["cargo", "build", "--release", "--example", "naive_gazetteer"],
        cwd=bvn.ROOT,
        check=True,
    )
    subprocess.run(
        ["cargo", "build", "--release", "--features", "stage-bounds",
         "--example", "against_bare", "--target-dir", TARGET],
        cwd=bvn.ROOT,
        check=True,
    )


def first_articles(n, out_dir):
    """The first n lines of the bench corpus, in a file of their own."""
    path = os.path.join(out_dir, f"first-{n}.jsonl")
    with open(bvn.corpus(20), encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        count = 0
        for line in f:
            if count == n:
                break
            out.write(line)
            count += 1
    if count < n:
        sys.exit(f"the corpus holds {count} articles, fewer than {n}")
    return path


def ratio(path, skip):
    """The ratio of sums of one `against_bare ab 3` run with `skip` taken out."""
    env = dict(os.environ, CONFLICT_EVENTS_SKIP=skip)
    with open(path, "rb") as stdin:
        out = subprocess.run([AGAINST, "ab", "3"], stdin=stdin, env=env, check=True,
                             capture_output=True, text=True)
    found = RATIO.findall(out.stdout + out.stderr)
    if not found:
        sys.exit(f"against_bare printed no ratio of sums:\n{out.stdout}{out.stderr}")
    return float(found[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1221, help="articles (default 1221)")
    ap.add_argument("--pairs", type=int, default=8, help="runs of each variant (default 8)")
    ap.add_argument("--count", type=int, default=0, metavar="N",
                    help="also the weighted count of each variant over N articles (callgrind)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    ap.add_argument("stages", nargs="*", help=f"stages to take out (default all: {' '.join(STAGES)})")
    args = ap.parse_args()
    if args.articles < 1 or args.pairs < 1 or args.count < 0:
        sys.exit("--articles and --pairs must be positive, --count not negative")
    stages = args.stages or list(STAGES)
    for s in stages:
        if s not in STAGES:
            sys.exit(f"no stage {s!r} (stages: {', '.join(STAGES)})")

    if not args.no_build:
        build()
    variants = [""] + stages
    runs = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as out_dir:
        path = first_articles(args.articles, out_dir)
        articles, text_bytes = bvn.text_stats(path)
        print(f"{articles} articles of the bench corpus, {text_bytes / 1e6:.2f} MB of text; "
              f"{args.pairs} alternated runs of each; load average at start "
              f"{os.getloadavg()[0]:.1f}")
        for i in range(args.pairs):
            for v in variants:
                runs[v].append(ratio(path, v))
            print(f"  run {i + 1}: " + ", ".join(f"{v or 'all'} {runs[v][-1]:.3f}" for v in variants),
                  flush=True)
        est = weighted(variants, args.count, out_dir) if args.count else None

    mean = {v: sum(r) / len(r) for v, r in runs.items()}
    whole = 1 / mean[""]
    counts = " share of the weighted count |" if est else ""
    print()
    print(f"| taken out | ratio extraction / bare | time (bare = 1) | the stage's cost | share |{counts}")
    print("|---|---|---|---|---|" + ("---|" if est else ""))
    whole_est = f" ({est[''] / 1e6:.1f} M) |" if est else ""
    print(f"| nothing | {mean['']:.3f} | {whole:.3f} | | |{whole_est}")
    for v in stages:
        t = 1 / mean[v]
        share = f" {(est[''] - est[v]) / est['']:.0%} |" if est else ""
        print(f"| {v} | {mean[v]:.3f} | {t:.3f} | {whole - t:.3f} | {(whole - t) / whole:.0%} |{share}")


def weighted(variants, n, out_dir):
    """Each variant's instructions + WEIGHT x mispredictions over the first n articles."""
    path = first_articles(n, out_dir)
    est = {}
    for v in variants:
        env = dict(os.environ, CONFLICT_EVENTS_SKIP=v)
        c = against_bare.counted("extract", path, out_dir, binary=AGAINST, env=env, tag=f"-{v}")
        est[v] = c["Ir"] + against_bare.WEIGHT * (c["Bcm"] + c["Bim"])
        print(f"  counted {v or 'all'}: {est[v] / 1e6:.1f} M", flush=True)
    return est


if __name__ == "__main__":
    main()
