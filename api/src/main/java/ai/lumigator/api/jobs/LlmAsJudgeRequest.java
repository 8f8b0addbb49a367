package ai.lumigator.api.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** An evaluator's {@code llm_as_judge}: the judge model, for the G-Eval metrics. */
@Schema(name = "LLMAsJudge")
public record LlmAsJudgeRequest(
    @JsonProperty("model_name") String modelName,
    @JsonProperty("model_base_url") String modelBaseUrl) {}
