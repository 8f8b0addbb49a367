package ai.lumigator.jobs.inference;

import ai.lumigator.jobs.config.InferenceJobConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An inference job's results.json: {@code {"metrics": {avg_prompt_tokens, avg_completion_tokens,
 * avg_total_tokens} or {}, "artifacts": {...}, "parameters": <the job config>}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"metrics", "artifacts", "parameters"})
public record InferenceResults(
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("artifacts") InferenceArtifacts artifacts,
    @JsonProperty("parameters") InferenceJobConfig parameters) {

  /**
   * Averages of the per-sample usage: {@code avg_prompt_tokens}, {@code avg_completion_tokens},
   * {@code avg_total_tokens}; empty when there are no samples or any sample lacks usage.
   */
  public static Map<String, Double> usageMetrics(List<Completion> completions) {
    if (completions.isEmpty() || completions.stream().anyMatch(c -> c.usage() == null)) {
      return Map.of();
    }
    double n = completions.size();
    double p = 0;
    double c = 0;
    double t = 0;
    for (Completion x : completions) {
      p += x.usage().promptTokens();
      c += x.usage().completionTokens();
      t += x.usage().totalTokens();
    }
    var m = new java.util.LinkedHashMap<String, Double>();
    m.put("avg_prompt_tokens", p / n);
    m.put("avg_completion_tokens", c / n);
    m.put("avg_total_tokens", t / n);
    return m;
  }
}
