package ai.lumigator.api.workflows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * {@code WorkflowDetailsResponse} of API.md: the {@link WorkflowResponse} fields, the jobs with
 * their metrics and parameters, the flat {@code metrics} and {@code parameters} once compiled, and
 * {@code artifacts_download_url} once succeeded. NEW: {@code provider}, {@code failure_reason},
 * {@code phase} and {@code progress}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowDetailsResponse(
    @JsonProperty("id") String id,
    @JsonProperty("experiment_id") String experimentId,
    @JsonProperty("model") String model,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("status") String status,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("jobs") List<WorkflowJobResults> jobs,
    @Schema(
            description =
                "Flat metrics: {metric}_{key} rounded to 3 decimals, and the inference"
                    + " token averages; null until the workflow succeeded")
        @JsonProperty("metrics")
        Map<String, Double> metrics,
    @Schema(
            description =
                "Jobs, datasets, model, provider and both run times (seconds); null"
                    + " until the workflow succeeded")
        @JsonProperty("parameters")
        Map<String, Object> parameters,
    @Schema(description = "Presigned URL of compiled.json once the workflow succeeded")
        @JsonProperty("artifacts_download_url")
        String artifactsDownloadUrl,
    @JsonProperty("provider") String provider,
    @Schema(description = "NEW: why the workflow failed ('stopped by user' when stopped)")
        @JsonProperty("failure_reason")
        String failureReason,
    @Schema(
            description =
                "NEW: inference, ingest-predictions, evaluation, compile or done; null while"
                    + " unknown (e.g. no worker answered)")
        @JsonProperty("phase")
        String phase,
    @Schema(description = "NEW: the running job's progress, null while unknown")
        @JsonProperty("progress")
        WorkflowProgress progress,
    @Schema(
            description =
                "NEW: token sums, per-call latency p50/p95 and estimated cost of the"
                    + " inference; null until the workflow succeeded")
        @JsonProperty("usage")
        WorkflowUsage usage) {}
