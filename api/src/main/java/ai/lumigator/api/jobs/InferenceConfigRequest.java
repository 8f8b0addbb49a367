package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.api.errors.Literal;
import ai.lumigator.api.urls.OutboundUrl;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** {@code job_config} of an inference job. */
@Schema(name = "JobInferenceConfig")
public record InferenceConfigRequest(
    @Schema(type = "string", allowableValues = JobTypes.INFERENCE)
        @JsonProperty("job_type")
        @Literal(JobTypes.INFERENCE)
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
    @Schema(defaultValue = InferenceJobSettings.DEFAULT_OUTPUT_FIELD)
        @JsonProperty("output_field")
        @Characters(min = 1, max = FieldLimits.IDENTIFIER)
        String outputField,
    @JsonProperty("system_prompt") @Characters(max = FieldLimits.PROMPT) String systemPrompt,
    @JsonProperty("secret_key_name") @Characters(max = FieldLimits.IDENTIFIER) String secretKeyName,
    @Schema(defaultValue = "false") @JsonProperty("store_to_dataset") Boolean storeToDataset,
    @JsonProperty("generation_config") @Valid GenerationConfigRequest generationConfig,
    @Schema(
            defaultValue = "true",
            description =
                "reuse the predictions of an earlier identical inference (API.md, \"Inference"
                    + " cache\"); false runs the model again")
        @JsonProperty("use_cache")
        Boolean useCache)
    implements ModelJobConfig {

  @Override
  public String type() {
    return JobTypes.INFERENCE;
  }

  @Override
  public String outputField() {
    return outputField == null ? InferenceJobSettings.DEFAULT_OUTPUT_FIELD : outputField;
  }

  @Override
  public boolean storesToDataset() {
    return Boolean.TRUE.equals(storeToDataset);
  }

  @Override
  public boolean usesCache() {
    return !Boolean.FALSE.equals(useCache);
  }
}
