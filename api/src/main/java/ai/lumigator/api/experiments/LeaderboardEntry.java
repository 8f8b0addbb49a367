package ai.lumigator.api.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One succeeded workflow on the leaderboard.
 *
 * @param inferenceTime seconds the inference job spent predicting, or null when unknown
 * @param evaluationTime seconds the evaluator spent computing metrics, or null when unknown
 * @param estimatedCostUsd NEW: the inference's tokens at its model's catalogue price, or null when
 *     the model has no price or the provider reported no usage
 * @param metrics the workflow's flat metrics (scores, the inference's token averages and sums and
 *     its latency percentiles)
 * @param intervals NEW: mean key → 95% bootstrap interval, for each mean of a per-sample array
 * @param tiedWith NEW: the entries whose difference from this one on the sort key is not
 *     significant
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LeaderboardEntry(
    @JsonProperty("rank") int rank,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("name") String name,
    @JsonProperty("model") String model,
    @JsonProperty("provider") String provider,
    @JsonProperty("inference_time") Double inferenceTime,
    @JsonProperty("evaluation_time") Double evaluationTime,
    @JsonProperty("estimated_cost_usd") Double estimatedCostUsd,
    @JsonProperty("metrics") Map<String, Double> metrics,
    @JsonProperty("intervals") Map<String, BootstrapInterval.Interval> intervals,
    @JsonProperty("tied_with") List<String> tiedWith) {

  /** The value sorted by: a metric, one of the two run times or the cost. */
  Double value(String key) {
    return switch (key) {
      case Leaderboard.INFERENCE_TIME -> inferenceTime;
      case Leaderboard.EVALUATION_TIME -> evaluationTime;
      case Leaderboard.ESTIMATED_COST -> estimatedCostUsd;
      default -> metrics.get(key);
    };
  }

  /** This entry at its rank, with its statistics. */
  LeaderboardEntry ranked(
      int rank, Map<String, BootstrapInterval.Interval> intervals, List<String> tiedWith) {
    return new LeaderboardEntry(
        rank,
        workflowId,
        name,
        model,
        provider,
        inferenceTime,
        evaluationTime,
        estimatedCostUsd,
        metrics,
        intervals,
        tiedWith);
  }
}
