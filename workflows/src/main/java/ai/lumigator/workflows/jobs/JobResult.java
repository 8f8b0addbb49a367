package ai.lumigator.workflows.jobs;

/**
 * How a job ended.
 *
 * @param status succeeded, failed or stopped
 * @param failureReason why it did not succeed, or null
 * @param generatedDatasetId the dataset it produced, or null
 */
public record JobResult(
    String jobId, String status, String failureReason, String generatedDatasetId) {}
