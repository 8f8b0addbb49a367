package ai.lumigator.activities.jobs;

/**
 * @param resultsKey S3 key of the job's results.json
 * @param outputField the column the job's outputs go to ({@code predictions}, or {@code
 *     ground_truth} for an annotation job)
 * @param stagingKey where to write the CSV
 */
public record WriteGeneratedCsv(
    String jobId, String resultsKey, String outputField, String stagingKey) {}
