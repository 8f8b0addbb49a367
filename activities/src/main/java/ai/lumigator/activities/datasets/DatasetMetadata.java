package ai.lumigator.activities.datasets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code datasets/{id}/{filename}/metadata.json}.
 *
 * @param size bytes as uploaded
 * @param sha256 hex SHA-256 of the upload
 */
public record DatasetMetadata(
    String id,
    String filename,
    List<String> columns,
    long rows,
    String sha256,
    @JsonProperty("ground_truth") boolean groundTruth,
    long size) {}
