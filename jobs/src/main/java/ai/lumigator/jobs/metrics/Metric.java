package ai.lumigator.jobs.metrics;

/**
 * One evaluation metric, scoring a prediction against its reference one sample at a time.
 *
 * <p>Implementations are pure functions of their inputs (no network, no shared mutable state) and
 * thread-safe. Create them with {@link MetricRegistry#create(String, MetricOptions)} and collect
 * per-sample values with {@link MetricAggregator}.
 */
public interface Metric {

  /** Registry name: "rouge", "bleu", "meteor", "token_length" or "exact_match". */
  String name();

  /** Per-sample keys in output order, e.g. rouge1, rouge2, rougeL, rougeLsum. */
  java.util.List<String> keys();

  /** Scores one sample; the map has exactly the {@link #keys()}. */
  java.util.Map<String, Double> score(String prediction, String reference);

  /**
   * The values of {@link #score} in the order of {@link #keys()}, without building a map (what
   * {@link MetricAggregator} calls once per sample).
   *
   * @throws IllegalStateException when {@link #score} lacks a key
   */
  default double[] scoreValues(String prediction, String reference) {
    java.util.Map<String, Double> s = score(prediction, reference);
    java.util.List<String> keys = keys();
    double[] out = new double[keys.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = s.get(keys.get(i));
      if (v == null) {
        throw new IllegalStateException(
            "metric " + name() + " returned no value for key '" + keys.get(i) + "'");
      }
      out[i] = v;
    }
    return out;
  }
}
