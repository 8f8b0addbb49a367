package ai.lumigator.activities.jobs;

/**
 * @param stagingKey S3 key of the CSV
 * @param sizeBytes its size
 * @param rows data rows written
 */
public record GeneratedCsv(String stagingKey, long sizeBytes, long rows) {}
