package ai.lumigator.jobs.inference;

import ai.lumigator.jobs.config.InferenceJobConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inference job's results.json: {@code {"metrics": {...} or {}, "artifacts": {...},
 * "parameters": <the job config>}}; see {@link #usageMetrics} for the metrics.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"metrics", "artifacts", "parameters"})
public record InferenceResults(
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("artifacts") InferenceArtifacts artifacts,
    @JsonProperty("parameters") InferenceJobConfig parameters) {

  /**
   * The job's metrics, each only when every sample has what it is computed from (a partial sum
   * would understate the cost): from the usage the averages {@code avg_prompt_tokens}, {@code
   * avg_completion_tokens}, {@code avg_total_tokens} and the sums {@code prompt_tokens}, {@code
   * completion_tokens}, {@code total_tokens}; from the latencies {@code latency_p50_ms} and {@code
   * latency_p95_ms} ({@link Percentiles#nearestRank}). Empty without samples and for baselines.
   */
  public static Map<String, Double> usageMetrics(List<Completion> completions) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (completions.isEmpty()) return m;
    if (completions.stream().allMatch(c -> c.usage() != null)) {
      double p = 0;
      double c = 0;
      double t = 0;
      for (Completion x : completions) {
        p += x.usage().promptTokens();
        c += x.usage().completionTokens();
        t += x.usage().totalTokens();
      }
      double n = completions.size();
      m.put("avg_prompt_tokens", p / n);
      m.put("avg_completion_tokens", c / n);
      m.put("avg_total_tokens", t / n);
      m.put("prompt_tokens", p);
      m.put("completion_tokens", c);
      m.put("total_tokens", t);
    }
    List<Double> latencies = completions.stream().map(Completion::latencyMs).toList();
    if (latencies.stream().allMatch(Objects::nonNull)) {
      m.put("latency_p50_ms", Percentiles.nearestRank(latencies, 50));
      m.put("latency_p95_ms", Percentiles.nearestRank(latencies, 95));
    }
    return m;
  }
}
