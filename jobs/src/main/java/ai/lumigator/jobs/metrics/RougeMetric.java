package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.RougeTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F-measures as Google's rouge-score 0.1.2 computes them
 * ({@code RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"]).score(reference, prediction)},
 * which is what evaluate's {@code rouge} with {@code use_aggregator=False} returns per sample).
 *
 * <ul>
 *   <li>ROUGE-N: clipped n-gram overlap; P = overlap / max(#prediction n-grams, 1), R = overlap /
 *       max(#reference n-grams, 1).
 *   <li>ROUGE-L: longest common subsequence of the token lists; 0 when either side has no token.
 *   <li>ROUGE-Lsum: both texts split on "\n" (empty lines dropped); summary-level union LCS (Lin
 *       2004, §3.2) with rouge-score's backtracking tie-break (move up unless the cell to the left
 *       is strictly larger) and hit counting that never counts a token more often than it occurs.
 * </ul>
 *
 * F = 2PR / (P + R), 0 when P + R = 0. Tokenization is {@link RougeTokenizer}: by default the
 * reference ASCII tokenizer without stemming; see {@link MetricOptions}.
 */
public final class RougeMetric implements Metric {

  public static final String NAME = "rouge";
  private static final List<String> KEYS = List.of("rouge1", "rouge2", "rougeL", "rougeLsum");

  /** Above this many cells the LCS table is kept as row checkpoints instead of in full. */
  private static final long FULL_TABLE_LIMIT = 4_000_000L;

  /** Precision, recall and F-measure of one ROUGE type. */
  public record Score(double precision, double recall, double fmeasure) {
    static final Score ZERO = new Score(0, 0, 0);

    static Score of(double precision, double recall) {
      return new Score(precision, recall, RougeMetric.fmeasure(precision, recall));
    }
  }

  private final RougeTokenizer tokenizer;

  public RougeMetric(MetricOptions options) {
    this.tokenizer =
        options.unicodeTokenizer()
            ? RougeTokenizer.unicode(options.rougeStemming())
            : RougeTokenizer.parity(options.rougeStemming());
  }

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
    Map<String, Score> s = scores(prediction, reference);
    Map<String, Double> out = new LinkedHashMap<>();
    for (String k : KEYS) {
      out.put(k, s.get(k).fmeasure());
    }
    return out;
  }

  /** Precision, recall and F-measure for each key. */
  public Map<String, Score> scores(String prediction, String reference) {
    List<String> target = tokenizer.tokenize(reference);
    List<String> pred = tokenizer.tokenize(prediction);
    Map<String, Score> out = new LinkedHashMap<>();
    out.put("rouge1", rougeN(target, pred, 1));
    out.put("rouge2", rougeN(target, pred, 2));
    out.put("rougeL", rougeL(target, pred));
    out.put("rougeLsum", rougeLsum(sentences(reference), sentences(prediction)));
    return out;
  }

  static double fmeasure(double precision, double recall) {
    if (precision + recall > 0) {
      return 2 * precision * recall / (precision + recall);
    }
    return 0.0;
  }

  // ------------------------------------------------------------------ ROUGE-N

  private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return counts;
  }

  static Score rougeN(List<String> target, List<String> prediction, int n) {
    Map<List<String>, Integer> t = ngrams(target, n);
    Map<List<String>, Integer> p = ngrams(prediction, n);
    int overlap = 0;
    for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
      overlap += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
    }
    int targetCount = Math.max(0, target.size() - n + 1);
    int predCount = Math.max(0, prediction.size() - n + 1);
    double precision = (double) overlap / Math.max(predCount, 1);
    double recall = (double) overlap / Math.max(targetCount, 1);
    return Score.of(precision, recall);
  }

  // ------------------------------------------------------------------ ROUGE-L

  static Score rougeL(List<String> target, List<String> prediction) {
    if (target.isEmpty() || prediction.isEmpty()) {
      return Score.ZERO;
    }
    int lcs = lcsLength(target, prediction);
    return Score.of((double) lcs / prediction.size(), (double) lcs / target.size());
  }

  private static int[] ids(List<String> a, Map<String, Integer> vocab) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vocab.computeIfAbsent(a.get(i), k -> vocab.size());
    }
    return out;
  }

  static int lcsLength(List<String> ref, List<String> can) {
    Map<String, Integer> vocab = new HashMap<>();
    int[] r = ids(ref, vocab);
    int[] c = ids(can, vocab);
    int[] prev = new int[c.length + 1];
    int[] cur = new int[c.length + 1];
    for (int i = 1; i <= r.length; i++) {
      cur[0] = 0;
      for (int j = 1; j <= c.length; j++) {
        cur[j] = r[i - 1] == c[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[c.length];
  }

  /**
   * rouge-score's {@code lcs_ind}: indexes into {@code ref} of one LCS, read out by {@code
   * _backtrack_norec} (on a tie, move up unless the cell to the left is strictly larger).
   */
  static List<Integer> lcsIndexes(List<String> ref, List<String> can) {
    Map<String, Integer> vocab = new HashMap<>();
    int[] r = ids(ref, vocab);
    int[] c = ids(can, vocab);
    LcsRows rows = new LcsRows(r, c);
    List<Integer> reversed = new ArrayList<>();
    int i = r.length;
    int j = c.length;
    while (i > 0 && j > 0) {
      if (r[i - 1] == c[j - 1]) {
        reversed.add(i - 1);
        i--;
        j--;
      } else {
        rows.ensure(i);
        if (rows.row(i)[j - 1] > rows.row(i - 1)[j]) {
          j--;
        } else {
          i--;
        }
      }
    }
    List<Integer> out = new ArrayList<>(reversed.size());
    for (int k = reversed.size() - 1; k >= 0; k--) {
      out.add(reversed.get(k));
    }
    return out;
  }

  /**
   * Rows of the LCS table for a backtrack that walks rows upwards. Small tables are computed in
   * full; for large ones every {@code step}-th row is kept and the block of rows a step of the walk
   * needs is recomputed from its checkpoint, so memory stays O((rows/step + step) * cols) while the
   * values, hence the path, are identical.
   */
  private static final class LcsRows {
    private final int[] r;
    private final int[] c;
    private final int step;
    private final int[][] checkpoints;
    private int blockIndex = -1;
    private int blockStart;
    private int[][] block;

    LcsRows(int[] r, int[] c) {
      this.r = r;
      this.c = c;
      long cells = (long) (r.length + 1) * (c.length + 1);
      boolean full = cells <= FULL_TABLE_LIMIT;
      this.step = Math.max(1, full ? r.length : (int) Math.sqrt(r.length));
      this.checkpoints = new int[r.length / step + 1][];
      int[] prev = new int[c.length + 1];
      checkpoints[0] = prev;
      if (!full) {
        for (int i = 1; i <= r.length; i++) {
          prev = next(prev, i);
          if (i % step == 0) {
            checkpoints[i / step] = prev;
          }
        }
      }
    }

    private int[] next(int[] prev, int i) {
      int[] cur = new int[c.length + 1];
      for (int j = 1; j <= c.length; j++) {
        cur[j] = r[i - 1] == c[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      return cur;
    }

    /** Makes rows {@code i - 1} and {@code i} (i >= 1) available to {@link #row}. */
    void ensure(int i) {
      int k = (i - 1) / step;
      if (k != blockIndex) {
        int start = k * step;
        int end = Math.min(r.length, start + step);
        block = new int[end - start + 1][];
        block[0] = checkpoints[k];
        for (int row = start + 1; row <= end; row++) {
          block[row - start] = next(block[row - start - 1], row);
        }
        blockIndex = k;
        blockStart = start;
      }
    }

    int[] row(int i) {
      return block[i - blockStart];
    }
  }

  // --------------------------------------------------------------- ROUGE-Lsum

  private List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.add(tokenizer.tokenize(line));
      }
    }
    return out;
  }

  static Score rougeLsum(List<List<String>> refSents, List<List<String>> canSents) {
    if (refSents.isEmpty() || canSents.isEmpty()) {
      return Score.ZERO;
    }
    int m = 0;
    int n = 0;
    Map<String, Integer> countsR = new HashMap<>();
    Map<String, Integer> countsC = new HashMap<>();
    for (List<String> s : refSents) {
      m += s.size();
      for (String t : s) {
        countsR.merge(t, 1, Integer::sum);
      }
    }
    for (List<String> s : canSents) {
      n += s.size();
      for (String t : s) {
        countsC.merge(t, 1, Integer::sum);
      }
    }
    if (n == 0 || m == 0) {
      return Score.ZERO;
    }
    int hits = 0;
    for (List<String> ref : refSents) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> can : canSents) {
        union.addAll(lcsIndexes(ref, can));
      }
      for (int idx : union) {
        String t = ref.get(idx);
        int c = countsC.getOrDefault(t, 0);
        int r = countsR.getOrDefault(t, 0);
        if (c > 0 && r > 0) {
          hits++;
          countsC.put(t, c - 1);
          countsR.put(t, r - 1);
        }
      }
    }
    return Score.of((double) hits / n, (double) hits / m);
  }
}
