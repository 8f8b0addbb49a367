package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowSamplesTest {
  static WorkflowSamples fixture(String id, String file) throws IOException {
    try (InputStream in = WorkflowSamplesTest.class.getResourceAsStream("/compiled/" + file)) {
      return WorkflowSamples.read(id, in);
    }
  }

  @Test
  void perSampleNumericArraysOfEveryMetricWithTheTextsAndNothingElse() throws IOException {
    WorkflowSamples a = fixture("a", "a.json");

    assertThat(a.scores().keySet())
        .containsExactly(
            "rouge_rouge1",
            "rouge_rouge2",
            "bleu_bleu",
            "token_length_ref_token_length",
            "token_length_pred_token_length");
    assertThat(a.scores().get("rouge_rouge1")).containsExactly(0.5, 1.0, 0.0);
    assertThat(a.scores().get("token_length_pred_token_length")[2]).isNaN();
    assertThat(a.texts().predictions()).containsExactly("p0", "p1", "p2");
    assertThat(a.texts().groundTruth()).containsExactly("g0", "g1", "g2");
    assertThat(a.texts().examples()).containsExactly("e0", "e1", "e2");
    assertThat(a.size()).isEqualTo(3);
  }

  @Test
  void aMeanHasAnIntervalOnlyWhereItIsTheArithmeticMeanOfAFiniteArray() throws IOException {
    WorkflowSamples a = fixture("a", "a.json");

    // bleu_mean 0.9 is not the mean of [0, 0.5, 0.25]; pred_token_length has a null
    assertThat(a.meanKeys())
        .containsOnlyKeys(
            "rouge_rouge1_mean", "rouge_rouge2_mean", "token_length_ref_token_length_mean")
        .containsEntry("rouge_rouge1_mean", "rouge_rouge1");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRefused() {
    InputStream in = new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> WorkflowSamples.read("x", in)).isInstanceOf(IOException.class);
  }
}
