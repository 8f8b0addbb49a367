package ai.lumigator.activities.datasets;

import io.temporal.activity.ActivityInterface;

/**
 * The steps of {@code DatasetIngestWorkflow}, on the I/O queue. Every step is idempotent: keys and
 * the row are derived from the dataset id.
 */
@ActivityInterface(namePrefix = "DatasetIngest")
public interface DatasetIngestActivities {

  /**
   * Streams the staged CSV, checks it and writes {@code dataset.csv} (canonical RFC 4180, UTF-8)
   * and {@code metadata.json} under {@code datasets/{id}/{filename}/}. Content that breaks a rule
   * fails non-retryably with type {@link InvalidDatasetException#FAILURE_TYPE} and the message the
   * client is told; storage failures retry.
   */
  CanonicalDataset canonicalise(DatasetIngestRequest request);

  /** Inserts the dataset's row unless it exists. */
  void record(DatasetRecord record);

  /** Deletes the staged object when the request asks for it. */
  void deleteStaging(DatasetIngestRequest request);

  /**
   * Removes whatever an ingest that failed may have left: the objects under {@code datasets/{id}/},
   * the staged object (when the request owns it) and the row.
   */
  void discard(DatasetIngestRequest request);
}
