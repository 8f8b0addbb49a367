package ai.lumigator.activities.datasets;

import java.util.List;

/**
 * A dataset written in its canonical form under {@code datasets/{id}/{filename}/}.
 *
 * @param sha256 hex SHA-256 of the bytes as staged (the upload)
 * @param sizeBytes bytes as staged
 */
public record CanonicalDataset(
    String datasetId,
    List<String> columns,
    long rows,
    boolean groundTruth,
    String sha256,
    long sizeBytes) {}
