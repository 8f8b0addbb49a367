package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.ExtraForbidden;
import ai.lumigator.jobs.config.GenerationConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;

/** A request's {@code generation_config}; an absent value takes the API default. */
@ExtraForbidden
@Schema(name = "GenerationConfig")
public record GenerationConfigRequest(
    @Schema(defaultValue = "1024") @JsonProperty("max_new_tokens") @Positive Integer maxNewTokens,
    @Schema(defaultValue = "0.0") @JsonProperty("frequency_penalty") Double frequencyPenalty,
    @Schema(defaultValue = "0.5") Double temperature,
    @Schema(defaultValue = "0.5") @JsonProperty("top_p") Double topP) {

  GenerationConfig config() {
    return new GenerationConfig(
        maxNewTokens == null ? GenerationConfig.DEFAULT_MAX_NEW_TOKENS : maxNewTokens,
        frequencyPenalty,
        temperature,
        topP);
  }
}
