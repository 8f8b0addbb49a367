"""Python reference timing for bench/metrics/speed.sh (issue 5 benchmark).

Builds the 500 DialogSum pairs exactly as parity.py does (prediction = first two Punkt sentences
of `examples`, reference = ground_truth), writes them as JSON lines for the Java side, then scores
them repeated to --pairs samples with the reference scorers of reference.py, one metric at a time.
Only the scoring loop is timed: scorer construction, NLTK/WordNet loading and one warm-up pass over
the 500 distinct pairs happen before the clock starts.

--meteor-pairs limits METEOR to a prefix (a whole number of 500-row passes); its time is then
scaled linearly to --pairs and reported as such.

Times are wall-clock and process CPU (the machine may be shared; CPU time is what the scorer used).
Prints one JSON object on stdout: {"rouge": {"n", "seconds", "cpu_seconds", "scaled_seconds",
"scaled_cpu_seconds"}, ...}.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pandas as pd  # noqa: E402

import parity  # noqa: E402  (first_two_sentences, DATA, WN_JAR)
import reference as ref  # noqa: E402


def build_pairs():
    df = pd.read_csv(os.path.join(parity.DATA, "dialogsum_500.csv"), keep_default_na=False)
    return [(parity.first_two_sentences(r["examples"]), r["ground_truth"]) for _, r in df.iterrows()]


def timed(fn, pairs, n):
    for p, r in pairs:  # warm-up: caches, lazy WordNet indexes
        fn(p, r)
    k = len(pairs)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(n):
        p, r = pairs[i % k]
        fn(p, r)
    return time.perf_counter() - t0, time.process_time() - c0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=50_000)
    ap.add_argument("--meteor-pairs", type=int, default=50_000)
    ap.add_argument("--write-pairs", required=True, help="JSON-lines file for the Java side")
    ap.add_argument("--metrics", default="rouge,bleu,meteor")
    a = ap.parse_args()

    pairs = build_pairs()
    with open(a.write_pairs, "w", encoding="utf-8") as f:
        for p, r in pairs:
            f.write(json.dumps({"prediction": p, "reference": r}, ensure_ascii=False) + "\n")

    fns = {
        "rouge": lambda p, r: ref.rouge(p, r),
        "bleu": lambda p, r: ref.bleu(p, r),
        "meteor": lambda p, r: ref.meteor(p, r, parity.WN_JAR),
    }
    out = {}
    for m in a.metrics.split(","):
        n = min(a.pairs, a.meteor_pairs) if m == "meteor" else a.pairs
        s, cpu = timed(fns[m], pairs, n)
        out[m] = {"n": n, "seconds": s, "cpu_seconds": cpu,
                  "scaled_seconds": s * a.pairs / n, "scaled_cpu_seconds": cpu * a.pairs / n}
        print(f"python {m}: {n} pairs in {s:.2f} s wall, {cpu:.2f} s CPU", file=sys.stderr, flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
