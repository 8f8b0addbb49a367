package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * {@code {"task": "summarization"}}, {@code {"task": "translation", "source_language": ..,
 * "target_language": ..}} or {@code {"task": "text-generation"}}. The language fields are omitted
 * from JSON when null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskDefinition(
    @JsonProperty("task") String task,
    @JsonProperty("source_language") String sourceLanguage,
    @JsonProperty("target_language") String targetLanguage) {

  public static final String SUMMARIZATION = "summarization";
  public static final String TRANSLATION = "translation";
  public static final String TEXT_GENERATION = "text-generation";

  public static TaskDefinition summarization() {
    return new TaskDefinition(SUMMARIZATION, null, null);
  }

  public static TaskDefinition translation(String sourceLanguage, String targetLanguage) {
    return new TaskDefinition(TRANSLATION, sourceLanguage, targetLanguage);
  }

  public static TaskDefinition textGeneration() {
    return new TaskDefinition(TEXT_GENERATION, null, null);
  }

  /**
   * The default system prompt of this task (API.md, "Default system prompts"); empty for
   * text-generation, which has none.
   */
  public Optional<String> defaultSystemPrompt() {
    if (SUMMARIZATION.equals(task)) {
      return Optional.of(
          "You are a helpful assistant, expert in text summarization. For every prompt you"
              + " receive, provide a summary of its contents in at most two sentences.");
    }
    if (TRANSLATION.equals(task)) {
      return Optional.of(
          "You are a helpful assistant, expert in text translation. For every prompt you"
              + " receive, translate "
              + sourceLanguage
              + " to "
              + targetLanguage
              + ".");
    }
    return Optional.empty();
  }
}
