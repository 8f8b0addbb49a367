package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.PyText;
import java.util.List;
import java.util.Map;

/**
 * Exact match (ours): 1 when prediction and reference are equal after removing leading and trailing
 * whitespace (Python's {@code str.strip()}: any Unicode whitespace, including no-break spaces),
 * else 0. Case, inner whitespace and punctuation count. This differs from Hugging Face's {@code
 * exact_match} (no trimming) and from SQuAD's (which also lower-cases and drops articles and
 * punctuation).
 */
public final class ExactMatchMetric implements Metric {

  public static final String NAME = "exact_match";
  private static final List<String> KEYS = List.of("exact_match");

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
    return Map.of(
        "exact_match", PyText.strip(prediction).equals(PyText.strip(reference)) ? 1.0 : 0.0);
  }
}
