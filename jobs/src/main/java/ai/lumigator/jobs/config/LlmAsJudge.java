package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code "llm_as_judge": {"model_name": ..., "model_base_url": ...}} (or null). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LlmAsJudge(
    @JsonProperty("model_name") String modelName,
    @JsonProperty("model_base_url") String modelBaseUrl) {}
