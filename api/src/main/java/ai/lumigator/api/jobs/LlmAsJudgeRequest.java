package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import ai.lumigator.api.urls.OutboundUrl;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** An evaluator's {@code llm_as_judge}: the judge model, for the G-Eval metrics. */
@Schema(name = "LLMAsJudge")
public record LlmAsJudgeRequest(
    @JsonProperty("model_name") @Characters(max = FieldLimits.IDENTIFIER) String modelName,
    @JsonProperty("model_base_url") @Characters(max = FieldLimits.URL) @OutboundUrl
        String modelBaseUrl) {}
