"""Writes jobs/src/test/resources/metrics/golden.jsonl: reference values computed by the Python
packages (see reference.py) for a selection of parity cases, so the Maven tests check parity
without Python. Regenerate after changing the case list:
  /tmp/metrics-venv/bin/python bench/metrics/make_golden.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import reference as ref  # noqa: E402
from parity import WN_JAR, build_cases  # noqa: E402

OUT = os.path.join(ROOT, "jobs", "src", "test", "resources", "metrics", "golden.jsonl")
QUOTA = {"dialogsum": 40, "dialog_rev": 10, "edge": 1000, "edge_rev": 1000, "fuzz": 40,
         "fuzz2": 40, "charfuzz": 60}


def main():
    taken = {}
    with open(OUT, "w", encoding="utf-8") as f:
        for group, i, p, r in build_cases():
            g = group.split(":")[0]
            if taken.get(g, 0) >= QUOTA.get(g, 3):
                continue
            taken[g] = taken.get(g, 0) + 1
            row = {"group": group, "row": int(i), "prediction": p, "reference": r}
            row.update(ref.rouge(p, r))
            row.update({k + "_stem": v for k, v in ref.rouge(p, r, use_stemmer=True).items()})
            b = ref.bleu(p, r)
            row["bleu"] = 0.0 if b is None else b
            row["bleu_zero_division"] = b is None
            row["meteor"] = ref.meteor(p, r, WN_JAR)
            row["ref_token_length"] = ref.token_length(r)
            row["pred_token_length"] = ref.token_length(p)
            row["pred_tokens"] = ref.word_tokenize(p, WN_JAR)
            row["ref_tokens"] = ref.word_tokenize(r, WN_JAR)
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(OUT, taken)


if __name__ == "__main__":
    main()
