package ai.lumigator.api.experiments;

import java.util.SplittableRandom;

/**
 * Two-sided paired permutation test of the mean difference of two workflows' per-sample scores:
 * under the null each sample's difference is as likely negated, so the null distribution is that of
 * {@code mean(s_i * d_i)} over random signs s. Exact (all 2^n sign vectors) when 2^n ≤ {@code
 * resamples}, as {@code scipy.stats.permutation_test(..., permutation_type='samples')} is;
 * otherwise Monte Carlo with {@code resamples} sign vectors from the seed and p = (1 + hits) / (1 +
 * resamples). A hit is |T| ≥ |T observed| (less a relative 1e-9, so equal sums that rounding tells
 * apart still count).
 *
 * <p>The statistic is linear in the scores: with the same signs, {@code Σ s_i (a_i - b_i) = Σ s_i
 * a_i - Σ s_i b_i}. So each workflow's signed sums are computed once ({@link #signedSums}) and
 * every pair of workflows with the same n reuses them; the seed and n fix the signs.
 */
final class PairedPermutationTest {
  private PairedPermutationTest() {}

  /**
   * @param difference mean(a) - mean(b)
   */
  record Result(double difference, double pValue, boolean exact) {}

  static boolean exact(int n, int resamples) {
    return n < 31 && (1L << n) <= resamples;
  }

  static Result test(double[] a, double[] b, int resamples, long seed) {
    if (exact(a.length, resamples)) return exact(a, b);
    return monteCarlo(a, b, signedSums(a, resamples, seed), signedSums(b, resamples, seed));
  }

  /** For each resample r, {@code Σ s_ri x_i} with the seed's signs (64 per random long). */
  static double[] signedSums(double[] x, int resamples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] sums = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double sum = 0;
      long bits = 0;
      for (int i = 0; i < x.length; i++) {
        if ((i & 63) == 0) bits = random.nextLong();
        sum += ((bits >>> (i & 63)) & 1) == 0 ? x[i] : -x[i];
      }
      sums[r] = sum;
    }
    return sums;
  }

  /** Monte Carlo p from both workflows' {@link #signedSums} of the same seed and resamples. */
  static Result monteCarlo(double[] a, double[] b, double[] sumsA, double[] sumsB) {
    int n = a.length;
    double observed = Math.abs(meanDifference(a, b));
    double tolerance = tolerance(a, b);
    int hits = 0;
    for (int r = 0; r < sumsA.length; r++) {
      if (Math.abs((sumsA[r] - sumsB[r]) / n) >= observed - tolerance) hits++;
    }
    return new Result(meanDifference(a, b), (1.0 + hits) / (1.0 + sumsA.length), false);
  }

  static Result exact(double[] a, double[] b) {
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) d[i] = a[i] - b[i];
    double observed = Math.abs(meanDifference(a, b));
    double tolerance = tolerance(a, b);
    long hits = 0;
    long count = 1L << n;
    for (long mask = 0; mask < count; mask++) {
      double sum = 0;
      for (int i = 0; i < n; i++) sum += ((mask >>> i) & 1) == 0 ? d[i] : -d[i];
      if (Math.abs(sum / n) >= observed - tolerance) hits++;
    }
    return new Result(meanDifference(a, b), (double) hits / count, true);
  }

  static double meanDifference(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) sum += a[i] - b[i];
    return sum / a.length;
  }

  private static double tolerance(double[] a, double[] b) {
    double scale = 0;
    for (int i = 0; i < a.length; i++) scale += Math.abs(a[i]) + Math.abs(b[i]);
    return 1e-9 * Math.max(scale / a.length, Double.MIN_NORMAL);
  }
}
