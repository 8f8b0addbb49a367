package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.util.List;
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
            "Unknown sort key 'accuracy'. Sort by one of: avg_total_tokens, evaluation_time,"
                + " inference_time, meteor_meteor_mean, rouge_rouge1_mean");
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
                + "rouge_rouge1_mean_ci_low,rouge_rouge1_mean_ci_high,tied_with",
            "1,q,\"name, with \"\"quotes\"\"\",org/model,openai,,,0.9,,,,,",
            "2,a,wf a,model-a,baseline,1.5,0.25,0.2,0.5,,,,",
            "3,e,wf e,model-e,baseline,5.5,0.25,0.2,,12.0,,,");
  }
}
