package ai.lumigator.activities.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledResultsTest {
  static final String INFERENCE =
      """
      {"metrics": {"avg_prompt_tokens": 10.0},
       "artifacts": {"predictions": ["p"], "examples": ["e"], "ground_truth": ["g"],
                     "model": "lead-3", "inference_time": 1.23456, "inference_metrics": null},
       "parameters": {"name": "wf-inference/i", "dataset": {"path": "s3://b/datasets/d/x.csv"},
                      "job": {"max_samples": 5, "batch_size": 1},
                      "inference_server": {"model": "lead-3", "provider": "baseline"}}}
      """;
  static final String EVALUATOR =
      """
      {"metrics": {"rouge": {"rouge1": [0.5], "rouge1_mean": 0.5}},
       "parameters": {"name": "wf-evaluation/e", "dataset": {"path": "s3://b/datasets/p/y.csv"},
                      "evaluation": {"metrics": ["rouge", "meteor"]}},
       "artifacts": {"predictions": ["p"], "ground_truth": ["g"], "evaluation_time": 0.0625}}
      """;

  final ObjectMapper json = new ObjectMapper();

  static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  JsonNode compile(String inference, String evaluator) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompiledResults.write(
        () -> stream(inference),
        () -> stream(evaluator),
        CompiledResults.outline(stream(evaluator)),
        out);
    return json.readTree(out.toByteArray());
  }

  @Test
  void mergesEachSectionKeyByKeyTheEvaluatorWinningOnSharedKeys() throws Exception {
    JsonNode compiled = compile(INFERENCE, EVALUATOR);

    assertThat(compiled.path("metrics").path("avg_prompt_tokens").asDouble()).isEqualTo(10.0);
    assertThat(compiled.at("/metrics/rouge/rouge1_mean").asDouble()).isEqualTo(0.5);
    assertThat(compiled.at("/metrics/rouge/rouge1/0").asDouble()).isEqualTo(0.5);
    assertThat(compiled.at("/artifacts/inference_time").asDouble()).isEqualTo(1.23456);
    assertThat(compiled.at("/artifacts/evaluation_time").asDouble()).isEqualTo(0.0625);
    assertThat(compiled.at("/artifacts/model").asText()).isEqualTo("lead-3");
    assertThat(compiled.at("/artifacts/examples/0").asText()).isEqualTo("e");
    assertThat(compiled.at("/artifacts/predictions").size()).isEqualTo(1);
    assertThat(compiled.at("/parameters/name").asText()).isEqualTo("wf-evaluation/e");
    assertThat(compiled.at("/parameters/dataset/path").asText())
        .isEqualTo("s3://b/datasets/p/y.csv");
    assertThat(compiled.at("/parameters/inference_server/model").asText()).isEqualTo("lead-3");
    assertThat(compiled.at("/parameters/evaluation/metrics/1").asText()).isEqualTo("meteor");
    assertThat(compiled.fieldNames())
        .toIterable()
        .containsExactly("metrics", "parameters", "artifacts");
  }

  @Test
  void anOutlineKeepsSmallValuesAndEveryKeyButNoPerSampleArray() throws Exception {
    CompiledResults.Outline o = CompiledResults.outline(stream(EVALUATOR));

    assertThat(o.keys().get("artifacts"))
        .containsExactly("predictions", "ground_truth", "evaluation_time");
    assertThat(o.summary().at("/artifacts/predictions").isMissingNode()).isTrue();
    assertThat(o.summary().at("/metrics/rouge/rouge1").isMissingNode()).isTrue();
    assertThat(o.summary().at("/metrics/rouge/rouge1_mean").asDouble()).isEqualTo(0.5);
    assertThat(o.summary().at("/parameters/evaluation/metrics").size()).isEqualTo(2);
    assertThat(
            FlatMetrics.of(CompiledResults.metrics(CompiledResults.outline(stream(INFERENCE)), o)))
        .containsExactly(Map.entry("avg_prompt_tokens", 10.0), Map.entry("rouge_rouge1_mean", 0.5));
    assertThatThrownBy(() -> CompiledResults.outline(stream("[1, 2]")))
        .isInstanceOf(CompiledResults.NotAnObject.class);
  }

  @Test
  void parametersNameTheJobsTheModelAndBothRunTimes() throws Exception {
    Map<String, Object> p =
        CompiledResults.parameters(
            new CompileEvaluation("w", "i", "ik", "e", "ek", "p", false),
            CompiledResults.outline(stream(INFERENCE)).summary(),
            CompiledResults.outline(stream(EVALUATOR)).summary());

    assertThat(p)
        .containsEntry("model", "lead-3")
        .containsEntry("provider", "baseline")
        .containsEntry("inference_job_id", "i")
        .containsEntry("evaluation_job_id", "e")
        .containsEntry("predictions_dataset_id", "p")
        .containsEntry("inference_time", 1.235)
        .containsEntry("evaluation_time", 0.062)
        .containsEntry("max_samples", 5L)
        .containsEntry("metrics", List.of("rouge", "meteor"));
  }
}
