package ai.lumigator.activities.jobs;

/**
 * @param submissionId the Ray job to wait for
 * @param jobId our job id whose row gets status and progress updates as they happen, or null
 * @param deadlineEpochMillis stop the Ray job once this instant passes (0 = no deadline)
 */
public record AwaitRayJob(String submissionId, String jobId, long deadlineEpochMillis) {}
