package ai.lumigator.jobs.evaluator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code artifacts} of an evaluator results.json: {@code predictions} (omitted when the config
 * says {@code return_predictions: false}), {@code ground_truth}, {@code evaluation_time} (seconds
 * spent computing metrics) and {@code examples} (only with {@code return_input_data: true} and an
 * examples column).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"predictions", "ground_truth", "evaluation_time", "examples"})
public record EvaluatorArtifacts(
    @JsonProperty("predictions") @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> predictions,
    @JsonProperty("ground_truth") List<String> groundTruth,
    @JsonProperty("evaluation_time") double evaluationTime,
    @JsonProperty("examples") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> examples) {}
