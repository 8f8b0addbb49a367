package ai.lumigator.jobs.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code artifacts} of an inference results.json.
 *
 * @param predictions one per example, in input order (always under the key {@code predictions}; the
 *     config's {@code output_field} names the column of the predictions dataset built from it)
 * @param groundTruth the dataset's ground_truth column, or null when it has none
 * @param inferenceTime seconds spent predicting
 * @param inferenceMetrics per-sample token usage (an entry is null where the server reported none),
 *     or null when no sample reported usage (baselines)
 * @param latencyMs per-sample latency in milliseconds (see {@link Completion#latencyMs}; an entry
 *     is null where none was measured), or null when no sample was measured (baselines)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "predictions",
  "examples",
  "ground_truth",
  "model",
  "inference_time",
  "inference_metrics",
  "latency_ms"
})
public record InferenceArtifacts(
    @JsonProperty("predictions") List<String> predictions,
    @JsonProperty("examples") List<String> examples,
    @JsonProperty("ground_truth") List<String> groundTruth,
    @JsonProperty("model") String model,
    @JsonProperty("inference_time") double inferenceTime,
    @JsonProperty("inference_metrics") List<TokenUsage> inferenceMetrics,
    @JsonProperty("latency_ms") List<Double> latencyMs) {}
