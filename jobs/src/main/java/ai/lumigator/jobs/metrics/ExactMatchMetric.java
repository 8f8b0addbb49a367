package ai.lumigator.jobs.metrics;

import java.util.List;
import java.util.Map;

/**
 * Exact match (ours): 1 when prediction and reference are equal after removing leading and
 * trailing whitespace ({@link String#strip()}), else 0. Case, inner whitespace and punctuation
 * count. This differs from Hugging Face's {@code exact_match} (no trimming) and from SQuAD's (which
 * also lower-cases and drops articles and punctuation).
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
    return Map.of("exact_match", prediction.strip().equals(reference.strip()) ? 1.0 : 0.0);
  }
}
