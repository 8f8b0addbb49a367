package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.ExtraForbidden;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.jobs.config.TaskDefinition;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** A request's {@code task_definition}, told apart by its {@code task}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "task")
@JsonSubTypes({
  @JsonSubTypes.Type(
      value = TaskDefinitionRequest.Summarization.class,
      name = TaskDefinition.SUMMARIZATION),
  @JsonSubTypes.Type(
      value = TaskDefinitionRequest.Translation.class,
      name = TaskDefinition.TRANSLATION),
  @JsonSubTypes.Type(
      value = TaskDefinitionRequest.TextGeneration.class,
      name = TaskDefinition.TEXT_GENERATION)
})
@Schema(description = "the task; summarization when absent")
public sealed interface TaskDefinitionRequest {
  TaskDefinition task();

  /** The task, summarization when the request has none. */
  static TaskDefinition orDefault(TaskDefinitionRequest request) {
    return request == null ? TaskDefinition.summarization() : request.task();
  }

  /** The request that stands for {@code task}. */
  public static TaskDefinitionRequest of(TaskDefinition task) {
    return switch (task.task()) {
      case TaskDefinition.TRANSLATION ->
          new Translation(task.sourceLanguage(), task.targetLanguage());
      case TaskDefinition.TEXT_GENERATION -> new TextGeneration();
      default -> new Summarization();
    };
  }

  @ExtraForbidden
  @Schema(name = "SummarizationTaskDefinition")
  record Summarization() implements TaskDefinitionRequest {
    @Override
    public TaskDefinition task() {
      return TaskDefinition.summarization();
    }
  }

  @ExtraForbidden
  @Schema(name = "TextGenerationTaskDefinition")
  record TextGeneration() implements TaskDefinitionRequest {
    @Override
    public TaskDefinition task() {
      return TaskDefinition.textGeneration();
    }
  }

  @ExtraForbidden
  @Schema(name = "TranslationTaskDefinition")
  record Translation(
      @JsonProperty("source_language") @NotBlank @Characters(max = FieldLimits.IDENTIFIER)
          String sourceLanguage,
      @JsonProperty("target_language") @NotBlank @Characters(max = FieldLimits.IDENTIFIER)
          String targetLanguage)
      implements TaskDefinitionRequest {
    @Override
    public TaskDefinition task() {
      return TaskDefinition.translation(sourceLanguage, targetLanguage);
    }
  }
}
