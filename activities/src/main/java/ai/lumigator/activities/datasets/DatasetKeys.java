package ai.lumigator.activities.datasets;

import ai.lumigator.jobs.config.JobPaths;

/** Storage keys of a dataset (DESIGN.md, "Storage layout"); all derived from its id. */
public final class DatasetKeys {
  public static final String METADATA_FILE = "metadata.json";

  private DatasetKeys() {}

  /** {@code uploads/{id}}: an upload being staged, deleted once ingested. */
  public static String staging(String datasetId) {
    return "uploads/" + datasetId;
  }

  /** {@code datasets/{id}/}: everything of one dataset, whatever its filename. */
  public static String root(String datasetId) {
    return "datasets/" + datasetId + "/";
  }

  /** {@code datasets/{id}/{filename}}: the dataset's folder (the row's storage prefix). */
  public static String folder(String datasetId, String filename) {
    return root(datasetId) + filename;
  }

  /** {@code datasets/{id}/{filename}/dataset.csv}: the canonical CSV. */
  public static String csv(String datasetId, String filename) {
    return JobPaths.datasetCsvKey(datasetId, filename);
  }

  /** {@code datasets/{id}/{filename}/metadata.json}. */
  public static String metadata(String datasetId, String filename) {
    return folder(datasetId, filename) + "/" + METADATA_FILE;
  }

  /**
   * The id of the dataset a job generates (predictions, annotations), derived from the job's so
   * that every retry of its ingest names the same dataset.
   */
  public static String generatedDatasetId(String jobId) {
    return java.util
        .UUID
        .nameUUIDFromBytes(
            ("generated-dataset:" + jobId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }
}
