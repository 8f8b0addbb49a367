package ai.lumigator.api.experiments;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * NEW: an experiment's succeeded workflows ranked by one metric.
 *
 * @param sort the key ranked by
 * @param order asc or desc
 * @param columns every metric key any entry has, in the CSV's column order
 * @param comparisons NEW: a paired permutation test for each pair of entries on the sort key
 * @param statistics NEW: the resamples and seed used, and notes on what was left out
 */
public record LeaderboardResponse(
    @JsonProperty("experiment_id") String experimentId,
    @JsonProperty("task") String task,
    @JsonProperty("sort") String sort,
    @JsonProperty("order") String order,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("total") int total,
    @JsonProperty("items") List<LeaderboardEntry> items,
    @JsonProperty("comparisons") List<LeaderboardStatistics.Comparison> comparisons,
    @JsonProperty("statistics") LeaderboardStatistics.Settings statistics) {}
