package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardTest {
  static final ExperimentRow SUMMARIZATION =
      new ExperimentRow("e", "e", "", "d", -1, "{\"task\":\"summarization\"}", 1, 1);
  static final ExperimentRow TRANSLATION =
      new ExperimentRow(
          "e",
          "e",
          "",
          "d",
          -1,
          "{\"task\":\"translation\",\"source_language\":\"en\",\"target_language\":\"de\"}",
          1,
          1);

  static WorkflowRow workflow(String id, String status, long createdAt, String metrics) {
    return new WorkflowRow(
        id,
        "e",
        "wf " + id,
        "",
        "model-" + id,
        "baseline",
        null,
        "p",
        null,
        "{}",
        status,
        null,
        metrics,
        metrics == null
            ? null
            : "{\"inference_time\": " + createdAt + ".5, \"evaluation_time\": 0.25}",
        null,
        createdAt,
        createdAt);
  }

  static final List<WorkflowRow> ROWS =
      List.of(
          workflow(
              "a", "succeeded", 1, "{\"rouge_rouge1_mean\": 0.2, \"meteor_meteor_mean\": 0.5}"),
          workflow(
              "b", "succeeded", 2, "{\"rouge_rouge1_mean\": 0.4, \"meteor_meteor_mean\": 0.1}"),
          workflow("c", "failed", 3, null),
          workflow("d", "running", 4, null),
          workflow(
              "e", "succeeded", 5, "{\"rouge_rouge1_mean\": 0.2, \"avg_total_tokens\": 12.0}"));

  static List<String> ids(LeaderboardResponse board) {
    return board.items().stream().map(LeaderboardEntry::workflowId).toList();
  }

  @Test
  void succeededWorkflowsOnlyByTheTasksFirstDefaultMetricHighestFirstOlderFirstOnTies() {
    LeaderboardResponse board = Leaderboard.of(SUMMARIZATION, ROWS, null, null);

    assertThat(board.sort()).isEqualTo("rouge_rouge1_mean");
    assertThat(board.order()).isEqualTo("desc");
    assertThat(ids(board)).containsExactly("b", "a", "e");
    assertThat(board.items()).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 3);
    assertThat(board.columns())
        .containsExactly("rouge_rouge1_mean", "meteor_meteor_mean", "avg_total_tokens");
    assertThat(board.items().get(0).inferenceTime()).isEqualTo(2.5);
    assertThat(board.items().get(0).evaluationTime()).isEqualTo(0.25);
    assertThat(board.total()).isEqualTo(3);
  }

  @Test
  void anyMetricOrRunTimeEitherWayWithEntriesLackingTheKeyLast() {
    assertThat(ids(Leaderboard.of(SUMMARIZATION, ROWS, "meteor_meteor_mean", "asc")))
        .containsExactly("b", "a", "e");
    assertThat(ids(Leaderboard.of(SUMMARIZATION, ROWS, "meteor_meteor_mean", "DESC")))
        .containsExactly("a", "b", "e");
    assertThat(ids(Leaderboard.of(SUMMARIZATION, ROWS, "inference_time", "asc")))
        .containsExactly("a", "b", "e");
    assertThat(ids(Leaderboard.of(SUMMARIZATION, ROWS, "avg_total_tokens", "desc")))
        .containsExactly("e", "a", "b");
  }

  @Test
  void translationRanksByBleuByDefaultEvenBeforeAnyWorkflowSucceeded() {
    LeaderboardResponse board = Leaderboard.of(TRANSLATION, List.of(), null, null);
    assertThat(board.sort()).isEqualTo("bleu_bleu_mean");
    assertThat(board.items()).isEmpty();
  }

  @Test
  void anUnknownKeyIs422ListingTheKeysThereAre() {
    assertThatThrownBy(() -> Leaderboard.of(SUMMARIZATION, ROWS, "accuracy", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Unknown sort key 'accuracy'. Sort by one of: avg_total_tokens, estimated_cost_usd,"
                + " evaluation_time, inference_time, latency_p50_ms, latency_p95_ms,"
                + " meteor_meteor_mean, rouge_rouge1_mean");
    assertThatThrownBy(() -> Leaderboard.of(SUMMARIZATION, ROWS, null, "sideways"))
        .isInstanceOf(RequestShapeException.class);
  }

  @Test
  void csvHasAHeaderAndOneRowPerEntryInRankOrderQuotingWhereNeeded() {
    WorkflowRow quoted =
        new WorkflowRow(
            "q",
            "e",
            "name, with \"quotes\"",
            "",
            "org/model",
            "openai",
            null,
            "p",
            null,
            "{}",
            "succeeded",
            null,
            "{\"rouge_rouge1_mean\": 0.9}",
            null,
            null,
            9,
            9);
    String csv =
        LeaderboardCsv.write(
            Leaderboard.of(SUMMARIZATION, List.of(ROWS.get(0), ROWS.get(4), quoted), null, null));

    assertThat(csv.split("\r\n"))
        .containsExactly(
            "rank,workflow_id,name,model,provider,inference_time,evaluation_time,"
                + "rouge_rouge1_mean,meteor_meteor_mean,avg_total_tokens,"
                + "rouge_rouge1_mean_ci_low,rouge_rouge1_mean_ci_high,tied_with,"
                + "estimated_cost_usd",
            "1,q,\"name, with \"\"quotes\"\"\",org/model,openai,,,0.9,,,,,,",
            "2,a,wf a,model-a,baseline,1.5,0.25,0.2,0.5,,,,,",
            "3,e,wf e,model-e,baseline,5.5,0.25,0.2,,12.0,,,,");
  }

  @Test
  void costAndLatencyRankLowestFirstUnlessTheOrderSaysOtherwise() {
    List<WorkflowRow> rows =
        List.of(
            workflow(
                "x",
                "succeeded",
                1,
                "{\"rouge_rouge1_mean\": 0.3, \"latency_p50_ms\": 40.0, \"latency_p95_ms\": 80.0}"),
            workflow(
                "y",
                "succeeded",
                2,
                "{\"rouge_rouge1_mean\": 0.2, \"latency_p50_ms\": 30.0, \"latency_p95_ms\": 20.5}"),
            workflow("z", "succeeded", 3, "{\"rouge_rouge1_mean\": 0.1}"));
    Map<String, Double> costs = Map.of("x", 0.5, "y", 0.002);
    LeaderboardResponse cheapest =
        Leaderboard.of(
            SUMMARIZATION,
            rows,
            "estimated_cost_usd",
            null,
            Map.of(),
            LeaderboardStatistics.Settings.of(null, null),
            costs);
    assertThat(cheapest.order()).isEqualTo("asc");
    // the baseline has no cost: last, whichever the order
    assertThat(ids(cheapest)).containsExactly("y", "x", "z");
    assertThat(cheapest.items())
        .extracting(LeaderboardEntry::estimatedCostUsd)
        .containsExactly(0.002, 0.5, null);
    assertThat(
            ids(
                Leaderboard.of(
                    SUMMARIZATION,
                    rows,
                    "estimated_cost_usd",
                    "desc",
                    Map.of(),
                    LeaderboardStatistics.Settings.of(null, null),
                    costs)))
        .containsExactly("x", "y", "z");
    LeaderboardResponse fastest = Leaderboard.of(SUMMARIZATION, rows, "latency_p95_ms", null);
    assertThat(fastest.order()).isEqualTo("asc");
    assertThat(ids(fastest)).containsExactly("y", "x", "z");
    assertThat(ids(Leaderboard.of(SUMMARIZATION, rows, "latency_p50_ms", null)))
        .containsExactly("y", "x", "z");
    // baselines only: sorting by latency still answers, every entry lacking it
    assertThat(ids(Leaderboard.of(SUMMARIZATION, ROWS, "latency_p95_ms", null)))
        .containsExactly("a", "b", "e");
    // every other key keeps its highest-first default
    assertThat(Leaderboard.of(SUMMARIZATION, rows, null, null).order()).isEqualTo("desc");
    assertThat(Leaderboard.of(SUMMARIZATION, ROWS, "avg_total_tokens", null).order())
        .isEqualTo("desc");

    String[] csv = LeaderboardCsv.write(cheapest).split("\r\n");
    assertThat(csv[0]).endsWith(",tied_with,estimated_cost_usd");
    assertThat(csv[1]).startsWith("1,y,").endsWith(",0.002");
    assertThat(csv[3]).startsWith("3,z,").endsWith(",");
  }
}
