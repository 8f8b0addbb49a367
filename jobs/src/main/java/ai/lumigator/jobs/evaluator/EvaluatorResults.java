package ai.lumigator.jobs.evaluator;

import ai.lumigator.jobs.config.EvaluatorJobConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * An evaluator job's results.json: {@code {"metrics": {<metric>: {<key>: [...], <key>_mean: x,
 * ...}}, "parameters": <the job config>, "artifacts": {...}}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"metrics", "parameters", "artifacts"})
public record EvaluatorResults(
    @JsonProperty("metrics") Map<String, Map<String, Object>> metrics,
    @JsonProperty("parameters") EvaluatorJobConfig parameters,
    @JsonProperty("artifacts") EvaluatorArtifacts artifacts) {}
