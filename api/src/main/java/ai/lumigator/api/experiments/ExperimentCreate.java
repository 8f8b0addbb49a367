package ai.lumigator.api.experiments;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.api.jobs.TaskDefinitionRequest;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /experiments/}: the evaluation settings its workflows' jobs get. */
@Schema(name = "ExperimentCreate")
record ExperimentCreate(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Characters(max = FieldLimits.NAME)
        String name,
    @Schema(defaultValue = "") @Characters(max = FieldLimits.DESCRIPTION) String description,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull UUID dataset,
    @Schema(description = "rows to use; -1 (the default) = all", defaultValue = "-1")
        @JsonProperty("max_samples")
        Integer maxSamples,
    @JsonProperty("task_definition") @Valid TaskDefinitionRequest taskDefinition) {

  ExperimentSpec spec() {
    return new ExperimentSpec(
        name,
        description == null ? "" : description,
        dataset,
        maxSamples == null ? -1 : maxSamples,
        TaskDefinitionRequest.orDefault(taskDefinition));
  }
}
