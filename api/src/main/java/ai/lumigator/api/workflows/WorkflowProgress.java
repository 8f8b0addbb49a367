package ai.lumigator.api.workflows;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The running job's progress: samples done of total.
 *
 * @param jobId the job running now
 */
public record WorkflowProgress(
    @JsonProperty("job_id") String jobId,
    @JsonProperty("done") long done,
    @JsonProperty("total") long total) {}
