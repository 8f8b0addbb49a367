package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExperimentSamplesTest {
  static final WorkflowRow A = LeaderboardTest.workflow("a", "succeeded", 1, "{}");
  static final WorkflowRow B = LeaderboardTest.workflow("b", "succeeded", 2, "{}");
  static Map<String, WorkflowSamples> samples;

  @BeforeAll
  static void read() throws IOException {
    samples =
        Map.of(
            "a", WorkflowSamplesTest.fixture("a", "a.json"),
            "b", WorkflowSamplesTest.fixture("b", "b.json"));
  }

  static List<Integer> indices(SamplesPage page) {
    return page.items().stream().map(SamplesPage.Item::index).toList();
  }

  @Test
  void samplesSideBySideByIndexWithTheKeysOfEveryWorkflow() {
    SamplesPage page = ExperimentSamples.of("e", List.of(A, B), samples, 0, 50, null);

    assertThat(page.experimentId()).isEqualTo("e");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.sort()).isEqualTo("index");
    assertThat(page.workflows())
        .containsExactly(
            new SamplesPage.Workflow("a", "wf a", "model-a", 3),
            new SamplesPage.Workflow("b", "wf b", "model-b", 2));
    assertThat(page.keys()).startsWith("rouge_rouge1", "rouge_rouge2").contains("bleu_bleu");
    assertThat(indices(page)).containsExactly(0, 1, 2);
    SamplesPage.Item first = page.items().get(0);
    assertThat(first.examples()).isEqualTo("e0");
    assertThat(first.groundTruth()).isEqualTo("g0");
    assertThat(first.predictions()).containsExactly(Map.entry("a", "p0"), Map.entry("b", "q0"));
    assertThat(first.scores().get("b")).containsEntry("rouge_rouge2", 0.5);
    assertThat(first.scores().get("a")).containsEntry("rouge_rouge1", 0.5);
    // a null in the array is a null score
    assertThat(page.items().get(2).scores().get("a"))
        .containsEntry("token_length_pred_token_length", null);
  }

  @Test
  void workflowsOfDifferentLengthsAreAlignedByIndexAndTheNotesSaySo() {
    SamplesPage page = ExperimentSamples.of("e", List.of(A, B), samples, 2, 50, null);

    SamplesPage.Item last = page.items().get(0);
    assertThat(last.index()).isEqualTo(2);
    assertThat(last.predictions()).containsOnlyKeys("a");
    assertThat(last.scores()).containsOnlyKeys("a");
    assertThat(page.notes())
        .singleElement()
        .asString()
        .contains("different numbers of samples (a: 3, b: 2)", "aligned by index");
  }

  @Test
  void aPerSampleKeySortsByTheSpreadAcrossWorkflowsLargestFirstTiesByIndex() {
    // rouge1: index 0 spread 0, index 1 spread 1, index 2 only a (0)
    SamplesPage page = ExperimentSamples.of("e", List.of(A, B), samples, 0, 50, "rouge_rouge1");
    assertThat(page.sort()).isEqualTo("rouge_rouge1");
    assertThat(indices(page)).containsExactly(1, 0, 2);
    // rouge2: index 0 |0.25 - 0.5|, index 1 |1 - 0.5|
    assertThat(indices(ExperimentSamples.of("e", List.of(A, B), samples, 0, 2, "rouge_rouge2")))
        .containsExactly(1, 0);
  }

  @Test
  void pagesWithSkipAndLimitAndLimitZeroIsAnEmptyPageWithTheTotal() {
    assertThat(indices(ExperimentSamples.of("e", List.of(A, B), samples, 1, 1, null)))
        .containsExactly(1);
    SamplesPage empty = ExperimentSamples.of("e", List.of(A, B), samples, 0, 0, null);
    assertThat(empty.items()).isEmpty();
    assertThat(empty.total()).isEqualTo(3);
    assertThat(ExperimentSamples.of("e", List.of(A, B), samples, 10, 5, null).items()).isEmpty();
  }

  @Test
  void anUnknownKeyIs422ListingTheKeys() {
    assertThatThrownBy(() -> ExperimentSamples.of("e", List.of(A, B), samples, 0, 50, "accuracy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Unknown sort key 'accuracy'. Sort by one of: index, rouge_rouge1, rouge_rouge2,"
                + " bleu_bleu, token_length_ref_token_length, token_length_pred_token_length");
  }

  @Test
  void aWorkflowWithoutCompiledResultsIsLeftOutAndNoted() {
    WorkflowRow c = LeaderboardTest.workflow("c", "succeeded", 3, "{}");
    SamplesPage page = ExperimentSamples.of("e", List.of(A, c), samples, 0, 50, null);
    assertThat(page.workflows()).extracting(SamplesPage.Workflow::workflowId).containsExactly("a");
    assertThat(page.notes()).containsExactly("Workflow c has no compiled.json; it is left out.");
    assertThat(ExperimentSamples.of("e", List.of(), Map.of(), 0, 50, null).total()).isZero();
  }
}
