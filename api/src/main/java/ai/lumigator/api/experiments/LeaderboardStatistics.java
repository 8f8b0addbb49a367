package ai.lumigator.api.experiments;

import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaderboard's statistics from the workflows' per-sample scores: a 95% bootstrap interval for
 * every mean that is the mean of a per-sample array, and for each pair of entries a paired
 * permutation test on the sort key; entries whose difference is not significant (p ≥ 0.05) are
 * tied. Keys without per-sample scores (run times, token averages) get neither.
 */
final class LeaderboardStatistics {
  static final int DEFAULT_RESAMPLES = 1000;
  static final int MIN_RESAMPLES = 100;
  static final int MAX_RESAMPLES = 100_000;
  static final long DEFAULT_SEED = 0;
  static final double ALPHA = 0.05;

  private LeaderboardStatistics() {}

  /** What the statistics were computed with, and what a reader must know about them. */
  record Settings(
      @JsonProperty("resamples") int resamples,
      @JsonProperty("seed") long seed,
      @JsonProperty("notes") List<String> notes) {

    /**
     * @throws RequestShapeException when resamples is outside 100..100000
     */
    static Settings of(Integer resamples, Long seed) {
      int r = resamples == null ? DEFAULT_RESAMPLES : resamples;
      if (r < MIN_RESAMPLES || r > MAX_RESAMPLES) {
        boolean low = r < MIN_RESAMPLES;
        throw new RequestShapeException(
            List.of(
                new ValidationError(
                    List.of("query", "resamples"),
                    "Input should be "
                        + (low
                            ? "greater than or equal to " + MIN_RESAMPLES
                            : "less than or equal to " + MAX_RESAMPLES),
                    low ? "greater_than_equal" : "less_than_equal")));
      }
      return new Settings(r, seed == null ? DEFAULT_SEED : seed, new ArrayList<>());
    }
  }

  record Comparison(
      @JsonProperty("workflow_a") String workflowA,
      @JsonProperty("workflow_b") String workflowB,
      @JsonProperty("key") String key,
      @JsonProperty("difference") double difference,
      @JsonProperty("p_value") double pValue,
      @JsonProperty("significant") boolean significant) {}

  /** The intervals of one workflow's means, memoized with its cached samples. */
  static Map<String, BootstrapInterval.Interval> intervals(WorkflowSamples s, Settings settings) {
    return s.derived()
        .get(
            List.of("intervals", settings.resamples(), settings.seed()),
            () -> {
              Map<Integer, List<String>> byLength = new LinkedHashMap<>();
              s.meanKeys()
                  .forEach(
                      (mean, sample) ->
                          byLength
                              .computeIfAbsent(
                                  s.scores().get(sample).length, n -> new ArrayList<>())
                              .add(mean));
              Map<String, BootstrapInterval.Interval> out = new LinkedHashMap<>();
              for (List<String> means : byLength.values()) {
                double[][] columns = new double[means.size()][];
                for (int c = 0; c < columns.length; c++)
                  columns[c] = s.scores().get(s.meanKeys().get(means.get(c)));
                BootstrapInterval.Interval[] intervals =
                    BootstrapInterval.of(columns, settings.resamples(), settings.seed());
                for (int c = 0; c < columns.length; c++) out.put(means.get(c), intervals[c]);
              }
              Map<String, BootstrapInterval.Interval> ordered = new LinkedHashMap<>();
              s.meanKeys().keySet().forEach(k -> ordered.put(k, out.get(k)));
              return ordered;
            });
  }

  /**
   * Every pair of entries (in rank order) that both have per-sample scores of the sort key, the
   * same number of them.
   */
  static List<Comparison> comparisons(
      List<String> rankedIds, Map<String, WorkflowSamples> samples, String key, Settings settings) {
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < rankedIds.size(); i++) {
      WorkflowSamples a = samples.get(rankedIds.get(i));
      if (a == null || !a.meanKeys().containsKey(key)) continue;
      for (int j = i + 1; j < rankedIds.size(); j++) {
        WorkflowSamples b = samples.get(rankedIds.get(j));
        if (b == null || !b.meanKeys().containsKey(key)) continue;
        double[] x = a.scores().get(a.meanKeys().get(key));
        double[] y = b.scores().get(b.meanKeys().get(key));
        if (x.length != y.length) {
          settings
              .notes()
              .add(
                  "Workflows "
                      + a.workflowId()
                      + " and "
                      + b.workflowId()
                      + " have "
                      + x.length
                      + " and "
                      + y.length
                      + " samples: not compared (a paired test needs the same samples).");
          continue;
        }
        PairedPermutationTest.Result r =
            PairedPermutationTest.exact(x.length, settings.resamples())
                ? PairedPermutationTest.exact(x, y)
                : PairedPermutationTest.monteCarlo(
                    x, y, signedSums(a, key, x, settings), signedSums(b, key, y, settings));
        out.add(
            new Comparison(
                a.workflowId(),
                b.workflowId(),
                key,
                r.difference(),
                r.pValue(),
                r.pValue() < ALPHA));
      }
    }
    return out;
  }

  private static double[] signedSums(
      WorkflowSamples s, String key, double[] values, Settings settings) {
    return s.derived()
        .get(
            List.of("signs", key, settings.resamples(), settings.seed()),
            () -> PairedPermutationTest.signedSums(values, settings.resamples(), settings.seed()));
  }

  /** For each workflow, the others whose difference from it is not significant. */
  static Map<String, List<String>> ties(List<String> rankedIds, List<Comparison> comparisons) {
    Map<String, List<String>> ties = new LinkedHashMap<>();
    rankedIds.forEach(id -> ties.put(id, new ArrayList<>()));
    for (Comparison c : comparisons) {
      if (c.significant()) continue;
      ties.get(c.workflowA()).add(c.workflowB());
      ties.get(c.workflowB()).add(c.workflowA());
    }
    return ties;
  }
}
