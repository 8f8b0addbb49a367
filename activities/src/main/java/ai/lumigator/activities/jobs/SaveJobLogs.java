package ai.lumigator.activities.jobs;

public record SaveJobLogs(String jobId, String submissionId) {}
