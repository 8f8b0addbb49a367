package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardStatisticsTest {
  static final WorkflowRow A =
      LeaderboardTest.workflow("a", "succeeded", 1, "{\"rouge_rouge1_mean\": 0.655}");
  static final WorkflowRow B =
      LeaderboardTest.workflow("b", "succeeded", 2, "{\"rouge_rouge1_mean\": 0.54}");
  static final WorkflowRow C =
      LeaderboardTest.workflow(
          "c", "succeeded", 3, "{\"rouge_rouge1_mean\": 0.655, \"avg_total_tokens\": 3.0}");

  static WorkflowSamples samples(String id, double[] rouge1) {
    return new WorkflowSamples(
        id,
        Map.of("rouge_rouge1", rouge1),
        Map.of("rouge_rouge1_mean", "rouge_rouge1"),
        WorkflowSamples.Texts.NONE,
        new WorkflowSamples.Derived());
  }

  // a and b: PairedPermutationTestTest's vectors (exact p 0.0703125); c equals a
  static final Map<String, WorkflowSamples> SAMPLES =
      Map.of(
          "a", samples("a", PairedPermutationTestTest.A),
          "b", samples("b", PairedPermutationTestTest.B),
          "c", samples("c", PairedPermutationTestTest.A.clone()));

  static LeaderboardResponse board(String sort) {
    return Leaderboard.of(
        LeaderboardTest.SUMMARIZATION,
        List.of(A, B, C),
        sort,
        null,
        SAMPLES,
        LeaderboardStatistics.Settings.of(1024, null));
  }

  @Test
  void eachPairIsComparedOnTheSortKeyAndNonSignificantDifferencesAreTies() {
    LeaderboardResponse board = board(null);

    assertThat(LeaderboardTest.ids(board)).containsExactly("a", "c", "b");
    assertThat(board.comparisons())
        .extracting(c -> c.workflowA() + "-" + c.workflowB())
        .containsExactly("a-c", "a-b", "c-b");
    LeaderboardStatistics.Comparison ab = board.comparisons().get(1);
    assertThat(ab.key()).isEqualTo("rouge_rouge1_mean");
    assertThat(ab.difference()).isCloseTo(0.115, offset(1e-12));
    assertThat(ab.pValue()).isEqualTo(0.0703125); // exact: 2^10 ≤ 1024 resamples
    assertThat(ab.significant()).isFalse();
    assertThat(board.comparisons().get(0).pValue()).isEqualTo(1.0);
    assertThat(board.items())
        .extracting(LeaderboardEntry::tiedWith)
        .containsExactly(List.of("c", "b"), List.of("a", "b"), List.of("a", "c"));
    assertThat(board.items()).extracting(LeaderboardEntry::rank).containsExactly(1, 2, 3);
    assertThat(board.statistics().resamples()).isEqualTo(1024);
    assertThat(board.statistics().seed()).isZero();
  }

  @Test
  void everyMeanOfAPerSampleArrayHasAnIntervalAroundIt() {
    LeaderboardEntry a = board(null).items().get(0);
    BootstrapInterval.Interval ci = a.intervals().get("rouge_rouge1_mean");
    assertThat(ci.low()).isLessThan(0.655).isGreaterThan(0.4);
    assertThat(ci.high()).isGreaterThan(0.655).isLessThan(0.9);
    assertThat(a.intervals()).containsOnlyKeys("rouge_rouge1_mean");
    assertThat(board(null).items().get(0).intervals()).isEqualTo(a.intervals());
  }

  @Test
  void keysWithoutPerSampleScoresHaveNoComparisonsNorTies() {
    for (String key : List.of("inference_time", "avg_total_tokens")) {
      LeaderboardResponse board = board(key);
      assertThat(board.comparisons()).as(key).isEmpty();
      assertThat(board.items()).allSatisfy(e -> assertThat(e.tiedWith()).isEmpty());
    }
  }

  @Test
  void csvAddsTheSortKeysIntervalAndTheTiesAfterTheExistingColumns() {
    String[] lines = LeaderboardCsv.write(board(null)).split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "rank,workflow_id,name,model,provider,inference_time,evaluation_time,"
                + "rouge_rouge1_mean,avg_total_tokens,"
                + "rouge_rouge1_mean_ci_low,rouge_rouge1_mean_ci_high,tied_with,"
                + "estimated_cost_usd");
    assertThat(lines[1]).startsWith("1,a,wf a,").endsWith(",c b,");
    assertThat(lines[1].split(",")[9]).isNotEmpty();
  }

  @Test
  void samplesOfDifferentLengthsAreNotComparedAndTheNotesSaySo() {
    Map<String, WorkflowSamples> uneven =
        Map.of("a", samples("a", new double[] {1, 0, 1}), "b", samples("b", new double[] {1, 0}));
    LeaderboardResponse board =
        Leaderboard.of(
            LeaderboardTest.SUMMARIZATION,
            List.of(A, B),
            null,
            null,
            uneven,
            LeaderboardStatistics.Settings.of(null, null));
    assertThat(board.comparisons()).isEmpty();
    assertThat(board.statistics().notes())
        .containsExactly(
            "Workflows a and b have 3 and 2 samples: not compared (a paired test needs the same"
                + " samples).");
  }

  @Test
  void resamplesOutsideTheirBoundsAre422() {
    assertThatThrownBy(() -> LeaderboardStatistics.Settings.of(99, null))
        .isInstanceOf(RequestShapeException.class);
    assertThatThrownBy(() -> LeaderboardStatistics.Settings.of(100_001, 1L))
        .isInstanceOf(RequestShapeException.class);
    assertThat(LeaderboardStatistics.Settings.of(100, 7L).seed()).isEqualTo(7);
  }
}
