package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.workflows.WorkflowRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (the name matches no surefire pattern): {@code -Dtest=LeaderboardBench}
 * prints how long the statistics of 10 workflows × 10,000 samples (rouge 4 keys + meteor) take,
 * cold (resampling) and warm (memoized with the cached samples).
 */
class LeaderboardBench {
  static final String[] KEYS = {
    "rouge_rouge1", "rouge_rouge2", "rouge_rougeL", "rouge_rougeLsum", "meteor_meteor"
  };

  @Test
  void tenWorkflowsOfTenThousandSamples() {
    SplittableRandom random = new SplittableRandom(1);
    List<WorkflowRow> rows = new ArrayList<>();
    Map<String, WorkflowSamples> samples = new LinkedHashMap<>();
    for (int w = 0; w < 10; w++) {
      Map<String, double[]> scores = new LinkedHashMap<>();
      Map<String, String> means = new LinkedHashMap<>();
      StringBuilder metrics = new StringBuilder("{");
      for (String k : KEYS) {
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++)
          v[i] = Math.min(1, random.nextDouble() * (0.5 + w / 20.0));
        scores.put(k, v);
        means.put(k + "_mean", k);
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        metrics.append(metrics.length() > 1 ? "," : "").append("\"" + k + "_mean\":" + mean);
      }
      String id = "w" + w;
      rows.add(LeaderboardTest.workflow(id, "succeeded", w, metrics + "}"));
      samples.put(
          id,
          new WorkflowSamples(
              id, scores, means, WorkflowSamples.Texts.NONE, new WorkflowSamples.Derived()));
    }
    for (int run = 0; run < 3; run++) {
      long started = System.nanoTime();
      LeaderboardResponse board =
          Leaderboard.of(
              LeaderboardTest.SUMMARIZATION,
              rows,
              null,
              null,
              samples,
              LeaderboardStatistics.Settings.of(null, null));
      long ms = (System.nanoTime() - started) / 1_000_000;
      System.out.println("leaderboard 10 x 10,000, run " + run + ": " + ms + " ms");
      assertThat(board.comparisons()).hasSize(45);
    }
  }
}
