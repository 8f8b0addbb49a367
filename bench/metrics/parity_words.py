"""Word-level parity: NLTK 3.8.1 PorterStemmer and METEOR's WordNet synonym sets vs the Java port.

Words: every WordNet 3.0 lemma without '_', their inflected forms (s, es, ed, ing, er, est, ies),
their Porter stems, the exception-list forms, plus capitalised variants of a sample — about 700k
lookups. Run after parity.py (reuses its class path file):
  /tmp/metrics-venv/bin/python bench/metrics/parity_words.py [--out /tmp/metrics-parity]
"""
import argparse
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import reference as ref  # noqa: E402
from parity import WN_JAR  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/metrics-parity")
    args = ap.parse_args()
    ref._setup_nltk(WN_JAR)
    wn = ref._wn
    from nltk.stem.porter import PorterStemmer
    stemmer = PorterStemmer()
    lemmas = sorted({l for l in wn.all_lemma_names() if "_" not in l})
    words = set(lemmas)
    for l in lemmas:
        for suf in ("s", "es", "ed", "ing", "er", "est", "ies", "ly"):
            words.add(l + suf)
        words.add(stemmer.stem(l))
    for pos in "nvar":
        for k, v in wn._exception_map[pos].items():
            words.add(k)
            words.update(v)
    rnd = random.Random(7)
    words.update(w.capitalize() for w in rnd.sample(lemmas, 2000))
    words.update(w.upper() for w in rnd.sample(lemmas, 500))
    words = sorted(w for w in words if w and "\t" not in w and " " not in w)
    inp = os.path.join(args.out, "words.txt")
    outp = os.path.join(args.out, "words_java.tsv")
    with open(inp, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    cp = os.path.join(ROOT, "jobs", "target", "classes") + os.pathsep + open(
        os.path.join(args.out, "cp.txt")).read().strip()
    subprocess.run(["java", "-Xmx2g", "-cp", cp, os.path.join(HERE, "ParityDump.java"),
                    "--words", inp, outp], check=True)
    stem_bad = syn_bad = 0
    with open(outp, encoding="utf-8") as f:
        java = [line.rstrip("\n").split("\t") for line in f]
    assert len(java) == len(words), (len(java), len(words))
    for w, (jw, jstem, jsyn) in zip(words, java):
        assert w == jw
        if stemmer.stem(w) != jstem:
            stem_bad += 1
            if stem_bad <= 10:
                print("stem", w, stemmer.stem(w), jstem)
        syns = set(
            lemma.name() for s in wn.synsets(w) for lemma in s.lemmas() if lemma.name().find("_") < 0
        ) | {w}
        if sorted(syns) != jsyn.split(" "):
            syn_bad += 1
            if syn_bad <= 10:
                print("syn", w, sorted(syns), jsyn)
    print(f"{len(words)} words: stem mismatches {stem_bad}, synonym-set mismatches {syn_bad}")


if __name__ == "__main__":
    main()
