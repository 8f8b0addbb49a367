package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.Literal;
import ai.lumigator.jobs.config.LlmAsJudge;
import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.jobs.metrics.MetricRegistry;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** {@code job_config} of an evaluator job: metrics on a dataset's predictions. */
@Schema(name = "JobEvalConfig")
public record EvaluatorConfigRequest(
    @Schema(type = "string", allowableValues = JobTypes.EVALUATOR)
        @JsonProperty("job_type")
        @Literal(JobTypes.EVALUATOR)
        Object jobType,
    @JsonProperty("task_definition") @Valid TaskDefinitionRequest taskDefinition,
    @JsonProperty("secret_key_name") @Characters(max = FieldLimits.IDENTIFIER) String secretKeyName,
    @Schema(description = "the task's default metrics when absent or empty")
        List<@NotNull @Characters(max = FieldLimits.IDENTIFIER) String> metrics,
    @JsonProperty("llm_as_judge") @Valid LlmAsJudgeRequest llmAsJudge)
    implements JobConfigRequest {

  @Override
  public String type() {
    return JobTypes.EVALUATOR;
  }

  @Override
  public JobSpec spec(JobCreateRequest<?> r) {
    TaskDefinition task = TaskDefinitionRequest.orDefault(taskDefinition);
    List<String> chosen =
        metrics == null || metrics.isEmpty() ? MetricRegistry.defaultsFor(task.task()) : metrics;
    List<String> supported = MetricRegistry.supported();
    List<String> unknown = chosen.stream().filter(m -> !supported.contains(m)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "Unsupported metric(s): "
              + String.join(", ", unknown)
              + ". Supported metrics: "
              + String.join(", ", supported));
    }
    LlmAsJudge judge =
        llmAsJudge == null
            ? null
            : new LlmAsJudge(llmAsJudge.modelName(), llmAsJudge.modelBaseUrl());
    return new JobSpec(
        JobTypes.EVALUATOR,
        r.name(),
        r.descriptionOrDefault(),
        r.dataset(),
        r.maxSamplesOrDefault(),
        r.batchSizeOrDefault(),
        r.timeoutSecondsOrDefault(),
        task,
        secretKeyName,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        List.copyOf(chosen),
        judge,
        false);
  }
}
