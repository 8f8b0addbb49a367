package ai.lumigator.activities.jobs;

/**
 * @param status the job's terminal status: succeeded, failed or stopped
 * @param ray Ray's end state, or null when the job never got that far (e.g. submit refused)
 * @param failureReason why the job did not succeed, or null
 * @param generatedDatasetId the dataset the job generated, linked to it with the outcome, or null
 */
public record RecordJobOutcome(
    String jobId,
    String status,
    RayJobOutcome ray,
    String failureReason,
    String generatedDatasetId) {}
