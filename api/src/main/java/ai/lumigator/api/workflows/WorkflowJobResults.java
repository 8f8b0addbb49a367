package ai.lumigator.api.workflows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One job of a workflow: its flat metrics and its parameters ({@code ray_job_id}, where its results
 * are), and {@code metric_url}/{@code artifact_url}: a presigned GET of its results.json (which
 * holds both), empty until the job has results (the original's schema requires a string). NEW:
 * {@code job_type} and {@code status}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowJobResults(
    @JsonProperty("id") String id,
    @JsonProperty("job_type") String jobType,
    @JsonProperty("status") String status,
    @JsonProperty("metrics") List<NameValue> metrics,
    @JsonProperty("parameters") List<NameValue> parameters,
    @JsonProperty("metric_url") String metricUrl,
    @JsonProperty("artifact_url") String artifactUrl) {

  /** One {@code {"name": ..., "value": ...}} item. */
  public record NameValue(@JsonProperty("name") String name, @JsonProperty("value") Object value) {}
}
