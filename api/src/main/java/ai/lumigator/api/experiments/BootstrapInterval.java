package ai.lumigator.api.experiments;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * 95% percentile bootstrap intervals of means: {@code resamples} times, n rows drawn with
 * replacement ({@link SplittableRandom} seeded with {@code seed}), the mean of each column over
 * them; the interval is the 2.5th and 97.5th percentiles of those means, interpolated linearly as
 * numpy's default {@code np.percentile}. The same seed and n draw the same rows, so a result is
 * reproducible and the columns of one workflow share their resamples.
 */
final class BootstrapInterval {
  static final double LOW = 2.5;
  static final double HIGH = 97.5;

  private BootstrapInterval() {}

  record Interval(double low, double high) {}

  /**
   * @param columns one array per mean, all of the same length n ≥ 1
   */
  static Interval[] of(double[][] columns, int resamples, long seed) {
    int n = columns[0].length;
    int k = columns.length;
    double[][] means = new double[k][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    double[] sums = new double[k];
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(sums, 0);
      for (int i = 0; i < n; i++) {
        int row = random.nextInt(n);
        for (int c = 0; c < k; c++) sums[c] += columns[c][row];
      }
      for (int c = 0; c < k; c++) means[c][b] = sums[c] / n;
    }
    Interval[] out = new Interval[k];
    for (int c = 0; c < k; c++) {
      Arrays.sort(means[c]);
      out[c] = new Interval(percentile(means[c], LOW), percentile(means[c], HIGH));
    }
    return out;
  }

  /** numpy's {@code np.percentile(values, q)} (method "linear") of sorted values. */
  static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q / 100.0;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
