#!/usr/bin/env python3
"""How the approval rules hold up on wording they do not know.

Each round drops every approval-language term of the Xiaomi-EV subject with probability P (seeded), writes
the thinned subject to a temporary file and runs `newswatch eval relevance --subject` on the labeled sets;
it prints granted precision/recall and the primary event's regulator pooled over sets and rounds. A new
author's unseen words are the usual cause of a miss, so this is a repeatable proxy for a blind round
(a noisy one: compare runs with the same vocabulary, as adding a word shifts which ones each seed drops).

usage: python3 eval/relevance/vocabulary-dropout.py [--p 0.25] [--seeds 8] [--cli PATH/newswatch.dll]
run from the repository root after `dotnet build src/NewsWatch.Cli -c Release`.
"""
import argparse, glob, json, os, random, re, subprocess, sys, tempfile

SETS = ["../shared/corpus/relevance/dev.jsonl"] + sorted(glob.glob("eval/relevance/newswatch-*.jsonl"))
SUBJECT = "config/watch-subjects/xiaomi-ev.json"
KEEP = ("MonthNames", "SeasonNames", "EndingForms")  # not words a report chooses


def load_subject():
    lines = [l for l in open(SUBJECT, encoding="utf-8").read().split("\n") if not l.strip().startswith("//")]
    return json.loads(re.sub(r',\s*//[^\n"]*\n', ",\n", "\n".join(lines)))


def thinned(subject, p, seed):
    rnd = random.Random(seed)
    for block in subject["WatchSubject"]["ApprovalLanguage"].values():
        for role, terms in block.items():
            if role not in KEEP and isinstance(terms, list):
                block[role] = [t for t in terms if rnd.random() >= p]
    return subject


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--p", type=float, default=0.25)
    a.add_argument("--seeds", type=int, default=8)
    a.add_argument("--cli", default="src/NewsWatch.Cli/bin/Release/net10.0/newswatch.dll")
    args = a.parse_args()
    tp = fp = fn = right = labeled = 0
    for seed in range(1, args.seeds + 1):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(thinned(load_subject(), args.p, seed), f, ensure_ascii=False)
        try:
            for data in (s for s in SETS if os.path.exists(s)):
                out = subprocess.run(["dotnet", args.cli, "eval", "relevance", "--data", data, "--subject", f.name,
                                      "--passes", "1"], capture_output=True, text=True, check=True).stdout
                t, p_, n_ = map(int, re.search(r"approval=granted.*\(TP (\d+), FP (\d+), FN (\d+)", out).groups())
                r, l = map(int, re.search(r"regulator of primary event.*?: (\d+)/(\d+)", out).groups())
                tp, fp, fn, right, labeled = tp + t, fp + p_, fn + n_, right + r, labeled + l
        finally:
            os.unlink(f.name)
    print(f"vocabulary dropout p={args.p}, {args.seeds} seeds, {len(SETS)} sets: "
          f"granted P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} (TP {tp}, FP {fp}, FN {fn}); "
          f"regulator {right}/{labeled} ({100 * right / max(1, labeled):.1f} %)")


if __name__ == "__main__":
    sys.exit(main())
