package ai.lumigator.jobs.evaluator;

import java.util.Map;

/** One metric being computed over the samples of an evaluation. Not thread-safe. */
public interface MetricComputation {

  /** Scores one sample. */
  void add(String prediction, String reference);

  /**
   * The metric's result object for results.json, e.g. {@code {"rouge1": [...], "rouge1_mean": 0.3,
   * ...}}. Keys keep their insertion order.
   */
  Map<String, Object> result();
}
