package ai.lumigator.jobs.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one metric's per-sample values and builds its results.json object: for each key of
 * {@link Metric#keys()} the list of per-sample values, then for each key {@code <key>_mean}, e.g.
 * {@code {"rouge1": [...], "rouge2": [...], "rougeL": [...], "rougeLsum": [...], "rouge1_mean":
 * ..., ...}}.
 *
 * <p>Means use numpy's pairwise summation ({@link #mean(double[])}), so they equal {@code
 * np.mean(values)} bit for bit. With no sample the means are 0.0. Values of {@code
 * ref_token_length}, {@code pred_token_length} and {@code exact_match} are integers in the lists
 * (as Python's results hold ints); all others are doubles.
 *
 * <p>Not thread-safe: feed samples from one thread (the metric itself is thread-safe).
 */
public final class MetricAggregator {

  private static final Set<String> INTEGER_KEYS =
      Set.of("ref_token_length", "pred_token_length", "exact_match");

  private final Metric metric;
  private final Map<String, DoubleList> values = new LinkedHashMap<>();
  private final DoubleList[] columns; // values' lists in key order

  public MetricAggregator(Metric metric) {
    this.metric = metric;
    for (String k : metric.keys()) {
      values.put(k, new DoubleList());
    }
    this.columns = values.values().toArray(new DoubleList[0]);
  }

  /** The metric being aggregated. */
  public Metric metric() {
    return metric;
  }

  /** Number of samples added. */
  public int size() {
    return values.isEmpty() ? 0 : values.values().iterator().next().size;
  }

  /** Scores one sample and records its values. */
  public void add(String prediction, String reference) {
    double[] v = metric.scoreValues(prediction, reference);
    for (int i = 0; i < columns.length; i++) {
      columns[i].add(v[i]);
    }
  }

  /** The per-sample values of one key. */
  public double[] values(String key) {
    DoubleList l = values.get(key);
    if (l == null) {
      throw new IllegalArgumentException("metric " + metric.name() + " has no key '" + key + "'");
    }
    return l.toArray();
  }

  /** The results.json object of this metric (insertion-ordered). */
  public Map<String, Object> result() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, DoubleList> e : values.entrySet()) {
      double[] v = e.getValue().toArray();
      List<Number> list = new ArrayList<>(v.length);
      boolean integers = INTEGER_KEYS.contains(e.getKey());
      for (double d : v) {
        list.add(integers ? (Number) (int) d : (Number) d);
      }
      out.put(e.getKey(), list);
    }
    for (Map.Entry<String, DoubleList> e : values.entrySet()) {
      double[] v = e.getValue().toArray();
      out.put(e.getKey() + "_mean", v.length == 0 ? 0.0 : mean(v));
    }
    return out;
  }

  /**
   * Scores all samples with each metric: metric name → results.json object.
   *
   * @throws IllegalArgumentException when the lists differ in size
   */
  public static Map<String, Map<String, Object>> evaluate(
      List<Metric> metrics, List<String> predictions, List<String> references) {
    if (predictions.size() != references.size()) {
      throw new IllegalArgumentException(
          predictions.size() + " predictions but " + references.size() + " references");
    }
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Metric m : metrics) {
      MetricAggregator agg = new MetricAggregator(m);
      for (int i = 0; i < predictions.size(); i++) {
        agg.add(predictions.get(i), references.get(i));
      }
      out.put(m.name(), agg.result());
    }
    return out;
  }

  /**
   * {@code np.mean(values)} for a float64 array: numpy's pairwise summation (blocks of 128 summed
   * with eight accumulators, larger arrays split in halves) divided by the count. NaN for none.
   */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return pairwiseSum(values, 0, values.length) / values.length;
  }

  /** numpy's {@code pairwise_sum_DOUBLE} over {@code a[offset, offset + n)}. */
  static double pairwiseSum(double[] a, int offset, int n) {
    if (n < 8) {
      double res = 0.;
      for (int i = 0; i < n; i++) {
        res += a[offset + i];
      }
      return res;
    } else if (n <= 128) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[offset + j];
      }
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[offset + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[offset + i];
      }
      return res;
    } else {
      int n2 = n / 2;
      n2 -= n2 % 8;
      return pairwiseSum(a, offset, n2) + pairwiseSum(a, offset + n2, n - n2);
    }
  }

  private static final class DoubleList {
    double[] data = new double[16];
    int size;

    void add(double v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
