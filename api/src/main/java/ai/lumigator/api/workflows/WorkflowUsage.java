package ai.lumigator.api.workflows;

import ai.lumigator.api.models.ModelPrice;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Optional;

/**
 * NEW: what a succeeded workflow's inference cost, from its flat metrics: the token sums the
 * provider reported, the per-call latency percentiles, and the cost estimated from its model's
 * catalogue price. Each is null when unknown: tokens and latency for baselines and workflows run
 * before they were recorded, the cost also when the model has no price.
 *
 * @param price the catalogue's price the estimate used, as the catalogue gives it now
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowUsage(
    @JsonProperty("prompt_tokens") Long promptTokens,
    @JsonProperty("completion_tokens") Long completionTokens,
    @JsonProperty("total_tokens") Long totalTokens,
    @Schema(description = "median per-call latency (nearest rank), ms")
        @JsonProperty("latency_p50_ms")
        Double latencyP50Ms,
    @Schema(description = "95th percentile per-call latency (nearest rank), ms")
        @JsonProperty("latency_p95_ms")
        Double latencyP95Ms,
    @Schema(description = "prompt and completion tokens at the catalogue's price, USD")
        @JsonProperty("estimated_cost_usd")
        Double estimatedCostUsd,
    @JsonProperty("price") ModelPrice price) {

  public static final String PROMPT_TOKENS = "prompt_tokens";
  public static final String COMPLETION_TOKENS = "completion_tokens";
  public static final String TOTAL_TOKENS = "total_tokens";
  public static final String LATENCY_P50 = "latency_p50_ms";
  public static final String LATENCY_P95 = "latency_p95_ms";

  /** The usage of a workflow with these flat metrics; null when it has none (not succeeded). */
  public static WorkflowUsage of(Map<String, Double> metrics, Optional<ModelPrice> price) {
    if (metrics == null) return null;
    Double prompt = metrics.get(PROMPT_TOKENS);
    Double completion = metrics.get(COMPLETION_TOKENS);
    Double cost =
        prompt == null || completion == null
            ? null
            : price.map(p -> p.estimate(prompt, completion)).orElse(null);
    return new WorkflowUsage(
        count(prompt),
        count(completion),
        count(metrics.get(TOTAL_TOKENS)),
        metrics.get(LATENCY_P50),
        metrics.get(LATENCY_P95),
        cost,
        price.orElse(null));
  }

  private static Long count(Double d) {
    return d == null ? null : Math.round(d);
  }
}
