package ai.lumigator.api.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Size facts shown in the UI; each may be null. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelInfo(
    @JsonProperty("parameter_count") String parameterCount,
    @JsonProperty("tensor_type") String tensorType,
    @JsonProperty("model_size") String modelSize) {}
