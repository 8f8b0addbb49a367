package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.api.errors.Literal;
import ai.lumigator.api.urls.OutboundUrl;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code job_config} of an annotate job: an inference job whose outputs are the dataset's {@code
 * ground_truth}, always stored as a new dataset.
 */
@Schema(name = "JobAnnotateConfig")
public record AnnotateConfigRequest(
    @Schema(type = "string", allowableValues = JobTypes.ANNOTATE)
        @JsonProperty("job_type")
        @Literal(JobTypes.ANNOTATE)
        Object jobType,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.IDENTIFIER)
        String model,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.IDENTIFIER)
        String provider,
    @JsonProperty("task_definition") @Valid TaskDefinitionRequest taskDefinition,
    @JsonProperty("base_url") @Characters(max = FieldLimits.URL) @OutboundUrl String baseUrl,
    @JsonProperty("system_prompt") @Characters(max = FieldLimits.PROMPT) String systemPrompt,
    @JsonProperty("secret_key_name") @Characters(max = FieldLimits.IDENTIFIER) String secretKeyName,
    @JsonProperty("generation_config") @Valid GenerationConfigRequest generationConfig)
    implements ModelJobConfig {

  @Override
  public String type() {
    return JobTypes.ANNOTATE;
  }

  @Override
  public String outputField() {
    return "ground_truth";
  }

  @Override
  public boolean storesToDataset() {
    return true;
  }

  /** Annotations are not cached: an annotate job always runs its model. */
  @Override
  public boolean usesCache() {
    return false;
  }
}
