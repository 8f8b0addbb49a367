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
 * @param resultsKey when set, the CSV is built from this job results.json (its examples, ground
 *     truth and {@code outputField} outputs) instead of read from {@code stagingKey}
 */
public record DatasetIngestRequest(
    String datasetId,
    String stagingKey,
    String filename,
    long sizeBytes,
    String runId,
    String generatedBy,
    boolean deleteStaging,
    String resultsKey,
    String outputField) {

  /** A staged CSV (an upload, or a job output written as CSV). */
  public DatasetIngestRequest(
      String datasetId,
      String stagingKey,
      String filename,
      long sizeBytes,
      String runId,
      String generatedBy,
      boolean deleteStaging) {
    this(datasetId, stagingKey, filename, sizeBytes, runId, generatedBy, deleteStaging, null, null);
  }

  /** The dataset of a job's outputs, built straight from its results.json: nothing is staged. */
  public static DatasetIngestRequest fromJobResults(
      String datasetId,
      String resultsKey,
      String outputField,
      String filename,
      String jobId,
      String generatedBy) {
    return new DatasetIngestRequest(
        datasetId, null, filename, 0, jobId, generatedBy, false, resultsKey, outputField);
  }
}
