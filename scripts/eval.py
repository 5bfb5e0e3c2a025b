#!/usr/bin/env python3
"""Scores the extract example on every dev set of ../shared/eval and prints one table.

Usage:
  python3 scripts/eval.py [--shared DIR] [--out DIR] [--check THRESHOLDS.json] [--explain]

Builds the example once (cargo build --release --example extract), runs its --jsonl batch
mode on each set, scores the output with shared/eval/score.py --json, and prints a Markdown
table. With --check, exits 1 when a set falls below a threshold of the file (a JSON object:
set -> {"strike_f1": x, "casualty_f1": x, "fields": x, "events_f1": x, "kind_fields": x,
"kind_f1": {"clash": x, ...}, "forbidden_max": n}). With --explain,
writes each set's score.py --explain output beside its predictions.
Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

SETS = [
    ("seed", "articles.jsonl", "gold.jsonl"),
    ("acled-2020", "acled-2020.articles.jsonl", "acled-2020.gold.jsonl"),
    ("acled-syria-battles", "acled-syria-battles.articles.jsonl", "acled-syria-battles.gold.jsonl"),
]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(root, "target", "eval"))
    ap.add_argument("--check")
    ap.add_argument("--explain", action="store_true")
    args = ap.parse_args()
    dev = os.path.join(args.shared, "eval", "dev")
    score_py = os.path.join(args.shared, "eval", "score.py")
    if not os.path.isfile(score_py):
        print(f"eval: {score_py} not found: no evaluation sets beside the project", file=sys.stderr)
        return 1 if args.check else 0
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "extract"], cwd=root, check=True)
    exe = os.path.join(root, "target", "release", "examples", "extract")
    os.makedirs(args.out, exist_ok=True)
    rows = []
    for name, arts, gold in SETS:
        arts, gold = os.path.join(dev, arts), os.path.join(dev, gold)
        pred = os.path.join(args.out, f"{name}.pred.jsonl")
        with open(arts, "rb") as fin, open(pred, "wb") as fout:
            r = subprocess.run([exe, "--jsonl"], stdin=fin, stdout=fout, stderr=subprocess.PIPE)
        if r.returncode != 0:
            print(f"eval: extract failed on {name}: {r.stderr.decode(errors='replace')[:2000]}", file=sys.stderr)
            return 1
        out = subprocess.run([sys.executable, score_py, gold, pred, "--json"], capture_output=True, text=True, check=True)
        js = next(json.loads(l) for l in out.stdout.splitlines() if l.startswith("{"))
        rows.append((name, js))
        if args.explain:
            ex = subprocess.run([sys.executable, score_py, gold, pred, "--explain"], capture_output=True, text=True, check=True)
            with open(os.path.join(args.out, f"{name}.explain.txt"), "w") as f:
                f.write(ex.stdout)
    print("| set | strike F1 | casualty F1 | fields | forbidden | events | kind_fields |")
    print("|---|---|---|---|---|---|---|")
    for name, js in rows:
        print(f"| {name} | {js['strike_f1']:.3f} | {js['casualty_f1']:.3f} | {js['fields']:.3f} | {js['forbidden']} "
              f"| {js['events_f1']:.3f} | {js['kind_fields']:.3f} |")
    kinds = ("explosion", "clash", "attack", "protest", "riot", "development")
    print()
    print("| set | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for name, js in rows:
        print(f"| {name} | " + " | ".join(f"{js['f1'][k]:.3f}" if k in js['f1'] else "-" for k in kinds) + " |")
    if not args.check:
        return 0
    with open(args.check) as f:
        th = json.load(f)
    bad = []
    for name, js in rows:
        t = th.get(name, {})
        for key in ("strike_f1", "casualty_f1", "fields", "events_f1", "kind_fields"):
            if key in t and js[key] + 1e-9 < t[key]:
                bad.append(f"{name}: {key} {js[key]:.3f} below the threshold {t[key]:.3f}")
        for kind, floor in (t.get("kind_f1") or {}).items():
            got = js["f1"].get(kind, 0.0)
            if got + 1e-9 < floor:
                bad.append(f"{name}: {kind} F1 {got:.3f} below the threshold {floor:.3f}")
        if "forbidden_max" in t and js["forbidden"] > t["forbidden_max"]:
            bad.append(f"{name}: forbidden {js['forbidden']} above {t['forbidden_max']}")
    for b in bad:
        print(f"eval gate: {b}", file=sys.stderr)
    if bad:
        return 1
    print("eval gate: every set at or above its threshold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
