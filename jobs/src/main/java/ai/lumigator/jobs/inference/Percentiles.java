package ai.lumigator.jobs.inference;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles: the p-th percentile of n values is the value at 1-based rank {@code
 * ceil(p / 100 * n)} of the values sorted ascending (rank 1 for p = 0). Always one of the values,
 * never an interpolation, so p95 of 10 calls is the slowest call, not a made-up number between two.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * @param p in [0, 100]
   * @throws IllegalArgumentException when there are no values or p is out of range
   */
  public static double nearestRank(Collection<Double> values, double p) {
    if (values.isEmpty()) throw new IllegalArgumentException("no values");
    if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("percentile " + p);
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    // p * n / 100 rather than p / 100 * n: an exact rank stays exact (0.07 * 100 =
    // 7.000000000000001)
    int rank = (int) Math.ceil(p * sorted.length / 100.0);
    return sorted[Math.max(1, rank) - 1];
  }
}
