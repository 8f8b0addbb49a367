package ai.lumigator.api.workflows;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.api.jobs.GenerationConfigRequest;
import ai.lumigator.api.jobs.LlmAsJudgeRequest;
import ai.lumigator.api.urls.OutboundUrl;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /workflows/} (API.md, "Experiments and workflows"): a model to run on the
 * experiment's dataset, and how to evaluate it. The job fields are the jobs API's, under the names
 * the workflow request gives them.
 */
@Schema(name = "WorkflowCreateRequest")
record WorkflowCreateRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.NAME)
        String name,
    @Schema(defaultValue = "") @Characters(max = FieldLimits.DESCRIPTION) String description,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("experiment_id") @NotNull
        UUID experimentId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.IDENTIFIER)
        String model,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.IDENTIFIER)
        String provider,
    @JsonProperty("base_url") @Characters(max = FieldLimits.URL) @OutboundUrl String baseUrl,
    @JsonProperty("secret_key_name") @Characters(max = FieldLimits.IDENTIFIER) String secretKeyName,
    @Schema(description = "the task's default when absent or empty")
        @JsonProperty("system_prompt")
        @Characters(max = FieldLimits.PROMPT)
        String systemPrompt,
    @Schema(defaultValue = EvaluationPlanner.PREDICTIONS_COLUMN)
        @JsonProperty("inference_output_field")
        @Characters(min = 1, max = FieldLimits.IDENTIFIER)
        String inferenceOutputField,
    @Schema(defaultValue = "1") @JsonProperty("batch_size") @Positive Integer batchSize,
    @Schema(defaultValue = "3600") @JsonProperty("job_timeout_sec") @Positive Integer jobTimeoutSec,
    @JsonProperty("generation_config") @Valid GenerationConfigRequest generationConfig,
    @Schema(description = "the task's default metrics when absent or empty")
        List<@NotNull @Characters(max = FieldLimits.IDENTIFIER) String> metrics,
    @JsonProperty("llm_as_judge") @Valid LlmAsJudgeRequest llmAsJudge,
    @Schema(
            defaultValue = "true",
            description =
                "the inference may reuse the predictions of an earlier identical one (API.md,"
                    + " \"Inference cache\")")
        @JsonProperty("use_cache")
        Boolean useCache) {

  String descriptionOrDefault() {
    return description == null ? "" : description;
  }

  String outputField() {
    return inferenceOutputField == null
        ? EvaluationPlanner.PREDICTIONS_COLUMN
        : inferenceOutputField;
  }
}
