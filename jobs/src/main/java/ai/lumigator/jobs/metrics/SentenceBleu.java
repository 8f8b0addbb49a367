package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.TokenIds;
import ai.lumigator.jobs.metrics.text.Tokenizer13aScanner;
import java.util.Arrays;
import java.util.List;

/**
 * Sentence-level BLEU of one prediction against one reference with per-thread scratch buffers, so
 * scoring a sample allocates (nearly) nothing: the texts are scanned straight into token ids
 * ({@link Tokenizer13aScanner}), and the reference's 1- to 4-grams are counted in an
 * open-addressing table keyed by the n-gram's token ids (plus one) packed 16 bits each into a long;
 * a key's highest non-zero 16 bits tell its order, so the orders share the table. The hypothesis's
 * n-grams are looked up there and consume the counts they match (clipping). The sums then go
 * through {@link BleuMetric}'s own arithmetic, so the score is the same double as the general path.
 *
 * <p>A sample with more than 65,535 distinct tokens (ids do not fit 16 bits) takes the general
 * path.
 */
final class SentenceBleu {

  private static final ThreadLocal<SentenceBleu> SCRATCH =
      ThreadLocal.withInitial(SentenceBleu::new);
  private static final int MAX_ORDER = 4;
  private static final int MAX_TOKENS = (1 << 16) - 1;

  /** Texts longer than this leave their (large) buffers to the garbage collector. */
  private static final int KEEP_BUFFERS_UP_TO = 1 << 16;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final TokenIds vocabulary = new TokenIds();
  private final Tokenizer13aScanner hypothesis = new Tokenizer13aScanner();
  private final Tokenizer13aScanner reference = new Tokenizer13aScanner();
  private final Tokenizer13aScanner[] scanners = {hypothesis, reference};
  private final BleuMetric.Totals totals = new BleuMetric.Totals();
  private long[] keys = new long[256];
  private int[] counts = new int[256];
  private int shift;
  private int mask;

  private SentenceBleu() {}

  /** {@link BleuMetric#sentence}. */
  static double score(String prediction, String reference) {
    SentenceBleu scratch = SCRATCH.get();
    double bleu = scratch.sentence(prediction, reference);
    if (prediction.length() > KEEP_BUFFERS_UP_TO || reference.length() > KEEP_BUFFERS_UP_TO) {
      SCRATCH.remove();
    }
    return bleu;
  }

  private double sentence(String prediction, String ref) {
    vocabulary.clear();
    // one call site, so the JIT compiles the scanner into this method once
    for (Tokenizer13aScanner scanner : scanners) {
      scanner.scan(scanner == hypothesis ? prediction : ref, vocabulary);
    }
    if (vocabulary.size() > MAX_TOKENS) {
      BleuMetric.Totals general = new BleuMetric.Totals();
      general.add(prediction, List.of(ref));
      return general.result().bleu();
    }
    int h = hypothesis.count();
    int r = reference.count();
    countReference(reference.ids(), r);
    BleuMetric.Totals t = totals;
    t.clear();
    matchHypothesis(hypothesis.ids(), h, t.matches);
    for (int n = 0; n < MAX_ORDER; n++) {
      t.possible[n] = Math.max(0, h - n);
    }
    t.translationLength = h;
    t.referenceLength = r;
    return t.result().bleu();
  }

  /** Sizes and empties the table, then counts the 1- to 4-grams of the reference. */
  private void countReference(int[] ids, int r) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(8, 2 * MAX_ORDER * r - 1));
    int capacity = 1 << bits;
    if (keys.length < capacity) {
      keys = new long[capacity];
      counts = new int[capacity];
    } else {
      Arrays.fill(keys, 0, capacity, 0L);
    }
    shift = 64 - bits;
    mask = capacity - 1;
    for (int i = 0; i < r; i++) {
      long key = 0;
      int orders = Math.min(MAX_ORDER, r - i);
      for (int n = 0; n < orders; n++) {
        key = key << 16 | (ids[i + n] + 1);
        int slot = slot(key);
        if (keys[slot] == 0) {
          keys[slot] = key;
          counts[slot] = 1;
        } else {
          counts[slot]++;
        }
      }
    }
  }

  /** Adds the hypothesis's clipped n-gram matches per order to {@code matches}. */
  private void matchHypothesis(int[] ids, int h, long[] matches) {
    for (int i = 0; i < h; i++) {
      long key = 0;
      int orders = Math.min(MAX_ORDER, h - i);
      for (int n = 0; n < orders; n++) {
        key = key << 16 | (ids[i + n] + 1);
        int slot = slot(key);
        if (keys[slot] == 0) {
          break; // the reference has no n-gram starting with this one either
        }
        if (counts[slot] > 0) {
          counts[slot]--;
          matches[n]++;
        }
      }
    }
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slot(long key) {
    int slot = (int) ((key * GOLDEN) >>> shift);
    long k;
    while ((k = keys[slot]) != 0 && k != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
