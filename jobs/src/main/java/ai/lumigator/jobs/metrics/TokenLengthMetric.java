package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.PyText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lumigator's {@code token_length}: a rough token count, {@code int(len(text.split()) / 0.75)}, of
 * the reference ({@code ref_token_length}) and of the prediction ({@code pred_token_length}). Words
 * are split on Unicode whitespace as Python's {@code str.split()} does.
 */
public final class TokenLengthMetric implements Metric {

  public static final String NAME = "token_length";
  private static final List<String> KEYS = List.of("ref_token_length", "pred_token_length");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  /** {@code int(len(text.split()) / 0.75)}. */
  public static int tokenLength(String text) {
    return (int) (PyText.countWords(text) / 0.75);
  }

  @Override
  public Map<String, Double> score(String prediction, String reference) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("ref_token_length", (double) tokenLength(reference));
    out.put("pred_token_length", (double) tokenLength(prediction));
    return out;
  }
}
