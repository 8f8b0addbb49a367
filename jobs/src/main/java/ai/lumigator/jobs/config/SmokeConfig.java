package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Config of the {@code smoke} job: {@code {"input_path": "s3://bucket/key", "output_path":
 * "s3://bucket/key"}}. The job writes the input upper-cased to the output.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmokeConfig(
    @JsonProperty("input_path") String inputPath, @JsonProperty("output_path") String outputPath) {

  public static SmokeConfig of(String inputPath, String outputPath) {
    return new SmokeConfig(inputPath, outputPath);
  }
}
