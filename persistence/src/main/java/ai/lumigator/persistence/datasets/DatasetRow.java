package ai.lumigator.persistence.datasets;

/**
 * A row of {@code datasets}. {@code runId} (the job that generated the dataset) and {@code
 * generatedBy} (its model) may be null. Timestamps are epoch milliseconds.
 */
public record DatasetRow(
    String id,
    String filename,
    String format,
    long sizeBytes,
    long rowCount,
    String columnsJson,
    String sha256,
    boolean groundTruth,
    String runId,
    boolean generated,
    String generatedBy,
    String storagePrefix,
    long createdAt) {}
