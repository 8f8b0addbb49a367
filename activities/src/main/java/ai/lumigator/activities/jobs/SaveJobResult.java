package ai.lumigator.activities.jobs;

/**
 * @param resultsKey S3 key of the job's results.json
 */
public record SaveJobResult(String jobId, String resultsKey) {}
