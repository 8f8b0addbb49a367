package ai.lumigator.api.experiments;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.api.workflows.WorkflowUsage;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.jobs.metrics.MetricRegistry;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ranks an experiment's succeeded workflows by one key: any flat metric, {@code inference_time} /
 * {@code evaluation_time} or {@code estimated_cost_usd}. By default the mean of the task's first
 * default metric (rouge → {@code rouge_rouge1_mean}, bleu → {@code bleu_bleu_mean}), highest first;
 * without an {@code order}, cost and latency rank lowest (best) first, every other key highest
 * first. Entries without the key come last; ties keep the older workflow first.
 */
final class Leaderboard {
  static final String INFERENCE_TIME = "inference_time";
  static final String EVALUATION_TIME = "evaluation_time";
  static final String ESTIMATED_COST = "estimated_cost_usd";

  /** Keys whose lowest value is best: ascending unless the request says otherwise. */
  static final Set<String> LOWER_IS_BETTER =
      Set.of(ESTIMATED_COST, WorkflowUsage.LATENCY_P50, WorkflowUsage.LATENCY_P95);

  private static final ObjectMapper JSON = new ObjectMapper();

  private Leaderboard() {}

  /** The mean a metric is ranked by: its first {@code *_mean} key. */
  static String meanKey(String metric) {
    return switch (metric) {
      case "rouge" -> "rouge_rouge1_mean";
      case "token_length" -> "token_length_pred_token_length_mean";
      default -> metric + "_" + metric + "_mean";
    };
  }

  /** The succeeded workflows, oldest first: the leaderboard's and the samples page's. */
  static List<WorkflowRow> succeeded(List<WorkflowRow> workflows) {
    return workflows.stream()
        .filter(w -> WorkflowStatuses.SUCCEEDED.equals(w.status()))
        .sorted(Comparator.comparingLong(WorkflowRow::createdAt).thenComparing(WorkflowRow::id))
        .toList();
  }

  static LeaderboardResponse of(
      ExperimentRow experiment, List<WorkflowRow> workflows, String sort, String order) {
    return of(
        experiment,
        workflows,
        sort,
        order,
        Map.of(),
        LeaderboardStatistics.Settings.of(null, null));
  }

  static LeaderboardResponse of(
      ExperimentRow experiment,
      List<WorkflowRow> workflows,
      String sort,
      String order,
      Map<String, WorkflowSamples> samples,
      LeaderboardStatistics.Settings settings) {
    return of(experiment, workflows, sort, order, samples, settings, Map.of());
  }

  /**
   * @param samples the per-sample scores of the succeeded workflows by id, for the statistics; a
   *     workflow without any has no intervals and no comparisons
   * @param costs the estimated cost in USD of the succeeded workflows by id; one without has none
   */
  static LeaderboardResponse of(
      ExperimentRow experiment,
      List<WorkflowRow> workflows,
      String sort,
      String order,
      Map<String, WorkflowSamples> samples,
      LeaderboardStatistics.Settings settings,
      Map<String, Double> costs) {
    TaskDefinition task =
        JobConfigJson.fromJson(experiment.taskDefinitionJson(), TaskDefinition.class);
    List<WorkflowRow> succeeded = succeeded(workflows);
    List<LeaderboardEntry> entries = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (WorkflowRow w : succeeded) {
      Map<String, Double> metrics = read(w.metricsJson(), new TypeReference<>() {});
      Map<String, Object> parameters = read(w.parametersJson(), new TypeReference<>() {});
      columns.addAll(metrics.keySet());
      entries.add(
          new LeaderboardEntry(
              0,
              w.id(),
              w.name(),
              w.model(),
              w.provider(),
              number(parameters.get(INFERENCE_TIME)),
              number(parameters.get(EVALUATION_TIME)),
              costs.get(w.id()),
              metrics,
              Map.of(),
              List.of()));
    }
    String defaultKey = meanKey(MetricRegistry.defaultsFor(task.task()).get(0));
    Set<String> available = new TreeSet<>(columns);
    available.add(INFERENCE_TIME);
    available.add(EVALUATION_TIME);
    // cost and latency are documented sort keys: accepted even when no entry has them yet
    available.addAll(LOWER_IS_BETTER);
    available.add(defaultKey);
    String key = sort == null || sort.isBlank() ? defaultKey : sort.strip();
    String direction = direction(order, key);
    if (!available.contains(key)) {
      throw new InvalidInputException(
          "Unknown sort key '" + key + "'. Sort by one of: " + String.join(", ", available));
    }
    Comparator<Double> values =
        "asc".equals(direction) ? Comparator.naturalOrder() : Comparator.reverseOrder();
    // List.sort is stable: equal values keep the older workflow first
    entries.sort(
        Comparator.comparing((LeaderboardEntry e) -> e.value(key), Comparator.nullsLast(values)));
    List<String> ids = entries.stream().map(LeaderboardEntry::workflowId).toList();
    List<LeaderboardStatistics.Comparison> comparisons =
        LeaderboardStatistics.comparisons(ids, samples, key, settings);
    Map<String, List<String>> ties = LeaderboardStatistics.ties(ids, comparisons);
    List<LeaderboardEntry> ranked = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      LeaderboardEntry e = entries.get(i);
      WorkflowSamples s = samples.get(e.workflowId());
      ranked.add(
          e.ranked(
              i + 1,
              s == null ? Map.of() : LeaderboardStatistics.intervals(s, settings),
              ties.get(e.workflowId())));
    }
    return new LeaderboardResponse(
        experiment.id(),
        task.task(),
        key,
        direction,
        new ArrayList<>(columns),
        ranked.size(),
        ranked,
        comparisons,
        settings);
  }

  private static String direction(String order, String key) {
    if (order == null) return LOWER_IS_BETTER.contains(key) ? "asc" : "desc";
    String o = order.strip().toLowerCase(Locale.ROOT);
    if (!o.equals("asc") && !o.equals("desc")) {
      throw new RequestShapeException(
          List.of(
              new ValidationError(
                  List.of("query", "order"), "Input should be 'asc' or 'desc'", "enum")));
    }
    return o;
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static <T> Map<String, T> read(String json, TypeReference<Map<String, T>> type) {
    if (json == null) return new LinkedHashMap<>();
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException("stored workflow results unreadable", e);
    }
  }
}
