package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/**
 * Body of {@code POST /jobs/{inference,annotate,evaluator}/} (API.md, "Jobs"): the fields every job
 * has, and the endpoint's {@code job_config}.
 */
public record JobCreateRequest<C extends JobConfigRequest>(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.NAME)
        String name,
    @Schema(defaultValue = "") @Characters(max = FieldLimits.DESCRIPTION) String description,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull UUID dataset,
    @Schema(description = "rows to use; -1 (the default) = all", defaultValue = "-1")
        @JsonProperty("max_samples")
        Integer maxSamples,
    @Schema(defaultValue = "1") @JsonProperty("batch_size") @Positive Integer batchSize,
    @Schema(defaultValue = "3600") @JsonProperty("job_timeout_sec") @Positive Integer jobTimeoutSec,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("job_config") @NotNull @Valid
        C jobConfig) {

  static final long DEFAULT_TIMEOUT_SECONDS = 3600;

  /**
   * What to run, checked against what this release can run.
   *
   * @throws ai.lumigator.api.errors.InvalidInputException naming what cannot run (a provider, a
   *     metric)
   */
  public JobSpec spec() {
    return jobConfig.spec(this);
  }

  String descriptionOrDefault() {
    return description == null ? "" : description;
  }

  int maxSamplesOrDefault() {
    return maxSamples == null ? -1 : maxSamples;
  }

  int batchSizeOrDefault() {
    return batchSize == null ? 1 : batchSize;
  }

  long timeoutSecondsOrDefault() {
    return jobTimeoutSec == null ? DEFAULT_TIMEOUT_SECONDS : jobTimeoutSec;
  }
}
