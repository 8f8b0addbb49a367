package ai.lumigator.jobs.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Token counts of one request, as the server reported them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenUsage(
    @JsonProperty("prompt_tokens") long promptTokens,
    @JsonProperty("completion_tokens") long completionTokens,
    @JsonProperty("total_tokens") long totalTokens) {}
