package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.TokenIds;
import ai.lumigator.jobs.metrics.text.Tokenizer13a;
import java.util.List;
import java.util.Map;

/**
 * BLEU as Hugging Face evaluate's {@code bleu} metric computes it (neither sacreBLEU nor NLTK):
 * {@link Tokenizer13a} tokens, TensorFlow NMT's {@code compute_bleu} with max order 4 and no
 * smoothing, on a 0–1 scale.
 *
 * <p>Lumigator scores each sample on its own ({@code predictions=[p], references=[[r]]}) and
 * averages, so {@link #score} is sentence-level BLEU: the geometric mean of the 1- to 4-gram
 * precisions times the brevity penalty, 0 when any precision is 0 — so a hypothesis with fewer than
 * four tokens scores 0. Where Python raises {@code ZeroDivisionError} (empty hypothesis or empty
 * reference after tokenization) this returns 0.0.
 *
 * <p>{@link #corpus} is corpus-level BLEU over all samples (counts summed before dividing), which
 * differs from the mean of sentence-level scores.
 */
public final class BleuMetric implements Metric {

  public static final String NAME = "bleu";
  private static final List<String> KEYS = List.of("bleu");
  private static final int MAX_ORDER = 4;

  /** Everything {@code compute_bleu} returns. */
  public record Result(
      double bleu,
      double[] precisions,
      double brevityPenalty,
      double lengthRatio,
      int translationLength,
      int referenceLength) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  @Override
  public Map<String, Double> score(String prediction, String reference) {
    return Map.of("bleu", sentence(prediction, reference));
  }

  @Override
  public double[] scoreValues(String prediction, String reference) {
    return new double[] {sentence(prediction, reference)};
  }

  /** Sentence-level BLEU of one prediction against one reference. */
  public static double sentence(String prediction, String reference) {
    return SentenceBleu.score(prediction, reference);
  }

  /**
   * {@code evaluate.load("bleu").compute(predictions, references)} with one reference per
   * prediction; 0.0 where Python would divide by zero.
   */
  public static Result corpus(List<String> predictions, List<String> references) {
    return corpusMulti(predictions, references.stream().map(List::of).toList());
  }

  /**
   * {@code evaluate.load("bleu").compute(predictions, references)} with several references per
   * prediction: n-gram counts are clipped by the maximum count over the references and the
   * reference length is that of the shortest reference.
   */
  public static Result corpusMulti(List<String> predictions, List<List<String>> references) {
    if (predictions.size() != references.size()) {
      throw new IllegalArgumentException(
          predictions.size() + " predictions but " + references.size() + " reference lists");
    }
    Totals totals = new Totals();
    for (int s = 0; s < predictions.size(); s++) {
      if (references.get(s).isEmpty()) {
        throw new IllegalArgumentException("no reference for prediction " + s);
      }
      totals.add(predictions.get(s), references.get(s));
    }
    return totals.result();
  }

  /** {@code compute_bleu}'s sums over the samples. */
  static final class Totals {
    final long[] matches = new long[MAX_ORDER];
    final long[] possible = new long[MAX_ORDER];
    int referenceLength;
    int translationLength;

    void clear() {
      java.util.Arrays.fill(matches, 0);
      java.util.Arrays.fill(possible, 0);
      referenceLength = 0;
      translationLength = 0;
    }

    void add(String prediction, List<String> references) {
      TokenIds vocabulary = new TokenIds();
      int[] hyp = Tokenizer13a.tokenIds(prediction, vocabulary);
      int[][] refs = new int[references.size()][];
      int shortest = Integer.MAX_VALUE;
      int tokens = hyp.length;
      for (int r = 0; r < refs.length; r++) {
        refs[r] = Tokenizer13a.tokenIds(references.get(r), vocabulary);
        shortest = Math.min(shortest, refs[r].length);
        tokens += refs[r].length;
      }
      referenceLength += shortest;
      translationLength += hyp.length;
      NgramIds ids = new NgramIds(vocabulary.size(), tokens * (MAX_ORDER - 1));
      int[][] hypGrams = ngrams(hyp, ids);
      int[][][] refGrams = new int[refs.length][][];
      for (int r = 0; r < refs.length; r++) {
        refGrams[r] = ngrams(refs[r], ids);
      }
      int[] refCounts = maxCounts(refGrams, ids.size());
      for (int order = 1; order <= MAX_ORDER; order++) {
        matches[order - 1] += NgramIds.clippedMatches(hypGrams[order - 1], refCounts);
        int p = hyp.length - order + 1;
        if (p > 0) {
          possible[order - 1] += p;
        }
      }
    }

    Result result() {
      double[] precisions = new double[MAX_ORDER];
      double minPrecision = Double.POSITIVE_INFINITY;
      for (int i = 0; i < MAX_ORDER; i++) {
        precisions[i] = possible[i] > 0 ? (double) matches[i] / possible[i] : 0.0;
        minPrecision = Math.min(minPrecision, precisions[i]);
      }
      double geoMean = 0;
      if (minPrecision > 0) {
        double logSum = 0;
        for (double p : precisions) {
          logSum += (1.0 / MAX_ORDER) * Math.log(p);
        }
        geoMean = Math.exp(logSum);
      }
      if (referenceLength == 0 || translationLength == 0) {
        // Python: ZeroDivisionError (ratio, or 1/ratio in the brevity penalty)
        return new Result(0.0, precisions, 0.0, 0.0, translationLength, referenceLength);
      }
      double ratio = (double) translationLength / referenceLength;
      double bp = ratio > 1.0 ? 1.0 : Math.exp(1 - 1.0 / ratio);
      return new Result(geoMean * bp, precisions, bp, ratio, translationLength, referenceLength);
    }
  }

  /** Per n-gram id, the largest count in any one reference. */
  private static int[] maxCounts(int[][][] refGrams, int size) {
    int[] max = new int[size];
    int[] counts = refGrams.length > 1 ? new int[size] : max;
    for (int[][] grams : refGrams) {
      for (int[] order : grams) {
        for (int g : order) {
          counts[g]++;
        }
      }
      if (counts != max) {
        for (int g = 0; g < size; g++) {
          max[g] = Math.max(max[g], counts[g]);
          counts[g] = 0;
        }
      }
    }
    return max;
  }

  /** N-gram ids of orders 1 to {@link #MAX_ORDER}. */
  private static int[][] ngrams(int[] tokens, NgramIds ids) {
    int[][] out = new int[MAX_ORDER][];
    out[0] = tokens;
    for (int order = 2; order <= MAX_ORDER; order++) {
      out[order - 1] = ids.extend(out[order - 2], tokens, order);
    }
    return out;
  }
}
