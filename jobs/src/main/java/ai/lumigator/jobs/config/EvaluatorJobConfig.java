package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The config of the evaluator job program (API.md, "Job program config"):
 *
 * <pre>
 * { "name": "&lt;job name&gt;/&lt;job id&gt;",
 *   "dataset": {"path": "s3://..."},
 *   "evaluation": {"metrics": ["rouge", "meteor"], "llm_as_judge": null, "max_samples": -1,
 *                  "return_input_data": true, "return_predictions": true,
 *                  "storage_path": "s3://.../results.json"},
 *   "predictions_field": "predictions" }
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "dataset", "evaluation", "predictions_field"})
public record EvaluatorJobConfig(
    @JsonProperty("name") String name,
    @JsonProperty("dataset") DatasetRef dataset,
    @JsonProperty("evaluation") EvaluationSettings evaluation,
    @JsonProperty("predictions_field") String predictionsField) {

  public static final String DEFAULT_PREDICTIONS_FIELD = "predictions";

  public EvaluatorJobConfig {
    predictionsField = predictionsField == null ? DEFAULT_PREDICTIONS_FIELD : predictionsField;
  }

  /** Builds a config the way the orchestrator does ({@code name} = {@code <jobName>/<jobId>}). */
  public static EvaluatorJobConfig of(
      String jobName,
      String jobId,
      String datasetPath,
      EvaluationSettings evaluation,
      String predictionsField) {
    return new EvaluatorJobConfig(
        JobPaths.configName(jobName, jobId),
        DatasetRef.of(datasetPath),
        evaluation,
        predictionsField);
  }

  /** Problems that make this config unusable, one message each (empty when valid). */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (dataset == null || InferenceJobConfig.isBlank(dataset.path())) {
      p.add("dataset.path is required");
    } else if (!JobPaths.isS3Uri(dataset.path())) {
      p.add("dataset.path must be an s3://bucket/key URI, got '" + dataset.path() + "'");
    }
    if (evaluation == null) {
      p.add("evaluation is required");
    } else {
      if (evaluation.metrics().isEmpty()) {
        p.add("evaluation.metrics must name at least one metric");
      }
      if (InferenceJobConfig.isBlank(evaluation.storagePath())) {
        p.add("evaluation.storage_path is required");
      } else if (!JobPaths.isS3Uri(evaluation.storagePath())) {
        p.add(
            "evaluation.storage_path must be an s3://bucket/key URI, got '"
                + evaluation.storagePath()
                + "'");
      }
    }
    if (InferenceJobConfig.isBlank(predictionsField)) {
      p.add("predictions_field must not be blank");
    }
    return p;
  }
}
