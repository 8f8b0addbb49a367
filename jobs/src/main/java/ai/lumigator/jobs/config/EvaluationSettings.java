package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code "evaluation": {"metrics": ["rouge", "meteor"], "llm_as_judge": null, "max_samples": -1,
 * "return_input_data": true, "return_predictions": true, "storage_path": "s3://.../results.json"}}.
 *
 * <p>{@code max_samples}: all rows when {@code n < 1} or {@code n > rows}, else the first n. {@code
 * return_input_data} adds the examples to the artifacts; {@code return_predictions} (default true)
 * keeps the predictions there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "metrics",
  "llm_as_judge",
  "max_samples",
  "return_input_data",
  "return_predictions",
  "storage_path"
})
public record EvaluationSettings(
    @JsonProperty("metrics") List<String> metrics,
    @JsonProperty("llm_as_judge") LlmAsJudge llmAsJudge,
    @JsonProperty("max_samples") int maxSamples,
    @JsonProperty("return_input_data") boolean returnInputData,
    @JsonProperty("return_predictions") Boolean returnPredictions,
    @JsonProperty("storage_path") String storagePath) {

  public EvaluationSettings {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    returnPredictions = returnPredictions == null ? Boolean.TRUE : returnPredictions;
  }

  /** The orchestrator's usual settings: no judge, input data and predictions returned. */
  public static EvaluationSettings of(List<String> metrics, int maxSamples, String storagePath) {
    return new EvaluationSettings(metrics, null, maxSamples, true, true, storagePath);
  }
}
