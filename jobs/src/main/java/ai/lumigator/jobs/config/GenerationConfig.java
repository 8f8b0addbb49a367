package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code "generation_config": {"max_new_tokens": 1024, "frequency_penalty": 0.0, "temperature":
 * 0.5, "top_p": 0.5}}. Sent to an OpenAI-compatible server as {@code max_tokens}, {@code
 * frequency_penalty}, {@code temperature}, {@code top_p}. A null {@code max_new_tokens} leaves the
 * server's default; other nulls take the API defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GenerationConfig(
    @JsonProperty("max_new_tokens") Integer maxNewTokens,
    @JsonProperty("frequency_penalty") Double frequencyPenalty,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("top_p") Double topP) {

  public static final int DEFAULT_MAX_NEW_TOKENS = 1024;
  public static final double DEFAULT_FREQUENCY_PENALTY = 0.0;
  public static final double DEFAULT_TEMPERATURE = 0.5;
  public static final double DEFAULT_TOP_P = 0.5;

  public GenerationConfig {
    frequencyPenalty = frequencyPenalty == null ? DEFAULT_FREQUENCY_PENALTY : frequencyPenalty;
    temperature = temperature == null ? DEFAULT_TEMPERATURE : temperature;
    topP = topP == null ? DEFAULT_TOP_P : topP;
  }

  /** The API defaults: 1024 new tokens, frequency penalty 0.0, temperature 0.5, top_p 0.5. */
  public static GenerationConfig defaults() {
    return new GenerationConfig(
        DEFAULT_MAX_NEW_TOKENS, DEFAULT_FREQUENCY_PENALTY, DEFAULT_TEMPERATURE, DEFAULT_TOP_P);
  }
}
