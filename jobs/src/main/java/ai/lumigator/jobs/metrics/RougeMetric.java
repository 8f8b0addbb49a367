package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.RougeTokenizer;
import ai.lumigator.jobs.metrics.text.TokenIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** Up to this many longs (8 MB) the backtrack reads a {@link BitLcs} table. */
  private static final long BIT_TABLE_LIMIT = 1L << 20;

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

  @Override
  public double[] scoreValues(String prediction, String reference) {
    Score[] s = scoreArray(prediction, reference);
    return new double[] {
      s[0].fmeasure(), s[1].fmeasure(), s[2].fmeasure(), s[3].fmeasure(),
    };
  }

  /** Precision, recall and F-measure for each key. */
  public Map<String, Score> scores(String prediction, String reference) {
    Score[] s = scoreArray(prediction, reference);
    Map<String, Score> out = new LinkedHashMap<>();
    for (int k = 0; k < KEYS.size(); k++) {
      out.put(KEYS.get(k), s[k]);
    }
    return out;
  }

  private Score[] scoreArray(String prediction, String reference) {
    TokenIds vocabulary = new TokenIds();
    RougeTokenizer.Tokens target = tokenizer.tokenIds(reference, vocabulary);
    RougeTokenizer.Tokens pred = tokenizer.tokenIds(prediction, vocabulary);
    int[] t = target.all();
    int[] p = pred.all();
    int[] counts = new int[vocabulary.size()];
    Score rouge1 = rougeN(t, p, counts);
    NgramIds bigrams = new NgramIds(vocabulary.size(), t.length + p.length);
    int[] t2 = bigrams.extend(t, t, 2);
    int[] p2 = bigrams.extend(p, p, 2);
    Score rouge2 = rougeN(t2, p2, new int[bigrams.size()]);
    return new Score[] {
      rouge1, rouge2, rougeL(t, p), rougeLsum(target.lines(), pred.lines(), vocabulary.size())
    };
  }

  static double fmeasure(double precision, double recall) {
    if (precision + recall > 0) {
      return 2 * precision * recall / (precision + recall);
    }
    return 0.0;
  }

  // ------------------------------------------------------------------ ROUGE-N

  /** ROUGE-N from the n-gram ids of target and prediction; {@code counts} is scratch space. */
  private static Score rougeN(int[] t, int[] p, int[] counts) {
    for (int g : t) {
      counts[g]++;
    }
    int overlap = NgramIds.clippedMatches(p, counts);
    double precision = (double) overlap / Math.max(p.length, 1);
    double recall = (double) overlap / Math.max(t.length, 1);
    return Score.of(precision, recall);
  }

  // ------------------------------------------------------------------ ROUGE-L

  static Score rougeL(int[] target, int[] prediction) {
    if (target.length == 0 || prediction.length == 0) {
      return Score.ZERO;
    }
    int lcs = lcsLength(target, prediction);
    return Score.of((double) lcs / prediction.length, (double) lcs / target.length);
  }

  static int lcsLength(int[] r, int[] c) {
    return BitLcs.length(r, c);
  }

  /** {@link #lcsIndexes(int[], int[])} of token strings (for tests). */
  static List<Integer> lcsIndexes(List<String> ref, List<String> can) {
    TokenIds vocabulary = new TokenIds();
    int[] r = ref.stream().mapToInt(vocabulary::id).toArray();
    int[] c = can.stream().mapToInt(vocabulary::id).toArray();
    List<Integer> out = new ArrayList<>();
    for (int i : lcsIndexes(r, c)) {
      out.add(i);
    }
    return out;
  }

  /**
   * rouge-score's {@code lcs_ind}: indexes into {@code r} of one LCS, in ascending order, read out
   * by {@code _backtrack_norec} (on a tie, move up unless the cell to the left is strictly larger).
   */
  static int[] lcsIndexes(int[] r, int[] c) {
    BitLcs bits = BitLcs.tableSize(r, c) <= BIT_TABLE_LIMIT ? BitLcs.table(r, c) : null;
    LcsRows rows = bits == null ? new LcsRows(r, c) : null;
    int[] reversed = new int[Math.min(r.length, c.length)];
    int n = 0;
    int i = r.length;
    int j = c.length;
    while (i > 0 && j > 0) {
      if (r[i - 1] == c[j - 1]) {
        reversed[n++] = i - 1;
        i--;
        j--;
      } else {
        boolean left;
        if (bits != null) {
          left = bits.cell(i, j - 1) > bits.cell(i - 1, j);
        } else {
          rows.ensure(i);
          left = rows.row(i)[j - 1] > rows.row(i - 1)[j];
        }
        if (left) {
          j--;
        } else {
          i--;
        }
      }
    }
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      out[k] = reversed[n - 1 - k];
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

  static Score rougeLsum(List<int[]> refSents, List<int[]> canSents, int vocabulary) {
    if (refSents.isEmpty() || canSents.isEmpty()) {
      return Score.ZERO;
    }
    int m = 0;
    int n = 0;
    int[] countsR = new int[vocabulary];
    int[] countsC = new int[vocabulary];
    for (int[] s : refSents) {
      m += s.length;
      for (int t : s) {
        countsR[t]++;
      }
    }
    for (int[] s : canSents) {
      n += s.length;
      for (int t : s) {
        countsC[t]++;
      }
    }
    if (n == 0 || m == 0) {
      return Score.ZERO;
    }
    int hits = 0;
    for (int[] ref : refSents) {
      boolean[] union = new boolean[ref.length];
      for (int[] can : canSents) {
        for (int idx : lcsIndexes(ref, can)) {
          union[idx] = true;
        }
      }
      for (int idx = 0; idx < ref.length; idx++) {
        int t = ref[idx];
        if (union[idx] && countsC[t] > 0 && countsR[t] > 0) {
          hits++;
          countsC[t]--;
          countsR[t]--;
        }
      }
    }
    return Score.of((double) hits / n, (double) hits / m);
  }
}
