package ai.lumigator.activities.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatMetricsTest {
  final ObjectMapper json = new ObjectMapper();

  JsonNode parse(String s) throws Exception {
    return json.readTree(s);
  }

  @Test
  void numericNonListValuesOfEachMetricBecomeMetricUnderscoreKeyInOrder() throws Exception {
    JsonNode metrics =
        parse(
            """
            {"avg_prompt_tokens": 12.34567, "avg_completion_tokens": 3,
             "rouge": {"rouge1": [0.1, 0.2], "rouge1_mean": 0.123456, "rougeL_mean": 0.0004999},
             "meteor": {"meteor": [0.5], "meteor_mean": 0.5},
             "token_length": {"ref_token_length": [1, 2], "pred_token_length_mean": 41.0},
             "odd": {"flag": true, "label": "x", "nested": {"a": 1}, "nan": null}}
            """);

    assertThat(FlatMetrics.of(metrics))
        .containsExactly(
            Map.entry("avg_prompt_tokens", 12.346),
            Map.entry("avg_completion_tokens", 3.0),
            Map.entry("rouge_rouge1_mean", 0.123),
            Map.entry("rouge_rougeL_mean", 0.0),
            Map.entry("meteor_meteor_mean", 0.5),
            Map.entry("token_length_pred_token_length_mean", 41.0));
  }

  @Test
  void roundsLikePythonOnTheExactBinaryValue() {
    // 2.6745 is stored as 2.67450000000000009..., 0.1235 as 0.12349999999...: Python's round(x, 3)
    // gives 2.675 and 0.123
    assertThat(FlatMetrics.round3(2.6745)).isEqualTo(2.675);
    assertThat(FlatMetrics.round3(0.0005)).isEqualTo(0.001);
    assertThat(FlatMetrics.round3(0.1235)).isEqualTo(0.123);
    assertThat(FlatMetrics.round3(1.0005)).isEqualTo(1.0);
    // exactly representable halves go to the even neighbour
    assertThat(FlatMetrics.round3(0.0625)).isEqualTo(0.062);
    assertThat(FlatMetrics.round3(0.1875)).isEqualTo(0.188);
    assertThat(FlatMetrics.round3(1.0)).isEqualTo(1.0);
  }

  @Test
  void noMetricsIsEmpty() throws Exception {
    assertThat(FlatMetrics.of(parse("{}"))).isEmpty();
    assertThat(FlatMetrics.of(parse("[]"))).isEmpty();
    assertThat(FlatMetrics.of(null)).isEmpty();
  }
}
