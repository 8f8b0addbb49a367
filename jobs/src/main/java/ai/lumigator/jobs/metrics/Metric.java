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
}
