package ai.lumigator.activities.evaluations;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A results.json {@code metrics} object as one flat map (API.md, "Flat workflow metrics"): every
 * numeric, non-list value of a metric object becomes {@code "{metric}_{key}"} ({@code
 * rouge_rouge1_mean}, {@code meteor_meteor_mean}, ...); a numeric top-level value (the inference
 * averages {@code avg_prompt_tokens}, ...) keeps its name. Values are rounded to 3 decimals as
 * Python's {@code round(x, 3)} does (half-even on the exact binary value).
 */
public final class FlatMetrics {
  private FlatMetrics() {}

  public static Map<String, Double> of(JsonNode metrics) {
    Map<String, Double> flat = new LinkedHashMap<>();
    if (metrics == null || !metrics.isObject()) return flat;
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> metric = it.next();
      JsonNode value = metric.getValue();
      if (isScore(value)) {
        flat.put(metric.getKey(), round3(value.asDouble()));
      } else if (value.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> keys = value.fields(); keys.hasNext(); ) {
          Map.Entry<String, JsonNode> key = keys.next();
          if (isScore(key.getValue())) {
            flat.put(metric.getKey() + "_" + key.getKey(), round3(key.getValue().asDouble()));
          }
        }
      }
    }
    return flat;
  }

  /** A finite number (not a boolean, list or object); NaN cannot be rounded nor sorted. */
  private static boolean isScore(JsonNode n) {
    return n != null && n.isNumber() && Double.isFinite(n.asDouble());
  }

  public static double round3(double x) {
    return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
  }
}
