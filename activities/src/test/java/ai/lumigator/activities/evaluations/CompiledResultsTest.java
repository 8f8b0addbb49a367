package ai.lumigator.activities.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  @Test
  void mergesEachSectionKeyByKeyTheEvaluatorWinningOnSharedKeys() throws Exception {
    JsonNode compiled = CompiledResults.compile(json.readTree(INFERENCE), json.readTree(EVALUATOR));

    assertThat(compiled.path("metrics").path("avg_prompt_tokens").asDouble()).isEqualTo(10.0);
    assertThat(compiled.at("/metrics/rouge/rouge1_mean").asDouble()).isEqualTo(0.5);
    assertThat(compiled.at("/artifacts/inference_time").asDouble()).isEqualTo(1.23456);
    assertThat(compiled.at("/artifacts/evaluation_time").asDouble()).isEqualTo(0.0625);
    assertThat(compiled.at("/artifacts/model").asText()).isEqualTo("lead-3");
    assertThat(compiled.at("/artifacts/examples/0").asText()).isEqualTo("e");
    assertThat(compiled.at("/parameters/name").asText()).isEqualTo("wf-evaluation/e");
    assertThat(compiled.at("/parameters/inference_server/model").asText()).isEqualTo("lead-3");
    assertThat(compiled.at("/parameters/evaluation/metrics/1").asText()).isEqualTo("meteor");
  }

  @Test
  void parametersNameTheJobsTheModelAndBothRunTimes() throws Exception {
    Map<String, Object> p =
        CompiledResults.parameters(
            new CompileEvaluation("w", "i", "ik", "e", "ek", "p"),
            json.readTree(INFERENCE),
            json.readTree(EVALUATOR));

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
