package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code "job": {"max_samples": -1, "batch_size": 1, "output_field": "predictions", "storage_path":
 * "s3://<bucket>/jobs/results/<job id>/results.json"}}.
 *
 * <p>{@code max_samples}: the first {@code min(n, rows)} rows when {@code n > 0}, all rows
 * otherwise. {@code batch_size} is recorded but does not drive remote concurrency (see {@link
 * InferenceServer#concurrency()}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferenceJobSettings(
    @JsonProperty("max_samples") int maxSamples,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("output_field") String outputField,
    @JsonProperty("storage_path") String storagePath) {

  public static final String DEFAULT_OUTPUT_FIELD = "predictions";

  public InferenceJobSettings {
    outputField = outputField == null ? DEFAULT_OUTPUT_FIELD : outputField;
    batchSize = batchSize < 1 ? 1 : batchSize;
  }

  public static InferenceJobSettings of(
      int maxSamples, int batchSize, String outputField, String storagePath) {
    return new InferenceJobSettings(maxSamples, batchSize, outputField, storagePath);
  }
}
