package ai.lumigator.api.datasets;

import ai.lumigator.activities.datasets.DatasetSummary;

/**
 * An upload checked and stored at {@code stagingKey}, waiting for its ingest.
 *
 * @param filename the sanitised name
 * @param size bytes uploaded
 */
record StagedUpload(
    String datasetId, String stagingKey, String filename, long size, DatasetSummary summary) {}
