package ai.lumigator.jobs.metrics;

/**
 * The longest-common-subsequence table of two token-id sequences, bit-parallel (Hyyrö 2004: one row
 * is a bit vector over the columns, updated with one addition per 64 columns): row i keeps a 0 at
 * column j where the LCS of r[0, i) and c[0, j + 1) is one longer than that of r[0, i) and c[0, j),
 * so a cell is the count of 0s below its column. Same values as the dynamic program, at a 64th of
 * its cost and memory.
 */
final class BitLcs {

  private final int words;
  private final long[] rows; // row i at [i * words, (i + 1) * words)
  private final int rowCount;

  /** All rows of the table of {@code r} (rows) against {@code c} (columns). */
  private BitLcs(int[] r, int[] c, boolean keepRows) {
    words = Math.max(1, (c.length + 63) >>> 6);
    long[][] masks = masks(c, words);
    rowCount = keepRows ? r.length + 1 : 1;
    rows = new long[rowCount * words];
    long[] v = new long[words];
    java.util.Arrays.fill(v, -1L);
    System.arraycopy(v, 0, rows, 0, words);
    for (int i = 0; i < r.length; i++) {
      long[] m = r[i] < masks.length ? masks[r[i]] : null;
      if (m != null) {
        step(v, m);
      }
      if (keepRows) {
        System.arraycopy(v, 0, rows, (i + 1) * words, words);
      }
    }
    if (!keepRows) {
      System.arraycopy(v, 0, rows, 0, words);
    }
  }

  /** The table of {@code r} against {@code c}, every row kept (for a backtrack). */
  static BitLcs table(int[] r, int[] c) {
    return new BitLcs(r, c, true);
  }

  /** Number of longs {@link #table} keeps. */
  static long tableSize(int[] r, int[] c) {
    return (long) (r.length + 1) * Math.max(1, (c.length + 63) >>> 6);
  }

  /** Length of the LCS of {@code r} and {@code c}. */
  static int length(int[] r, int[] c) {
    return new BitLcs(r, c, false).cell(0, c.length);
  }

  private static long[][] masks(int[] c, int words) {
    int max = -1;
    for (int t : c) {
      max = Math.max(max, t);
    }
    long[][] masks = new long[max + 1][];
    for (int j = 0; j < c.length; j++) {
      long[] m = masks[c[j]];
      if (m == null) {
        m = masks[c[j]] = new long[words];
      }
      m[j >>> 6] |= 1L << j;
    }
    return masks;
  }

  /** V = (V + (V &amp; M)) | (V &amp; ~M), the addition carried across words. */
  private static void step(long[] v, long[] m) {
    long carry = 0;
    for (int w = 0; w < v.length; w++) {
      long x = v[w];
      long u = x & m[w];
      long sum = x + u;
      long out = sum + carry;
      carry = (Long.compareUnsigned(sum, x) < 0 || Long.compareUnsigned(out, sum) < 0) ? 1 : 0;
      v[w] = out | (x & ~m[w]);
    }
  }

  /** LCS of the first {@code i} tokens of r and the first {@code j} of c. */
  int cell(int i, int j) {
    int base = i * words;
    int ones = 0;
    int w = 0;
    for (; w < (j >>> 6); w++) {
      ones += Long.bitCount(rows[base + w]);
    }
    if ((j & 63) != 0) {
      ones += Long.bitCount(rows[base + w] & ((1L << j) - 1));
    }
    return j - ones;
  }
}
