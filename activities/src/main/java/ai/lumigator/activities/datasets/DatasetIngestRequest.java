package ai.lumigator.activities.datasets;

/**
 * A dataset to ingest: a CSV staged in S3 becomes {@code datasets/{datasetId}/{filename}/...} and a
 * row.
 *
 * @param stagingKey S3 key of the staged CSV ({@code uploads/{datasetId}} for an upload; for a job
 *     output, whatever key the job wrote); deleted after a successful ingest when {@code
 *     deleteStaging}
 * @param filename sanitised file name (no path parts)
 * @param sizeBytes bytes as uploaded
 * @param runId id of the job that generated it, or null for an upload
 * @param generatedBy model name that generated it, or null
 */
public record DatasetIngestRequest(
    String datasetId,
    String stagingKey,
    String filename,
    long sizeBytes,
    String runId,
    String generatedBy,
    boolean deleteStaging) {}
