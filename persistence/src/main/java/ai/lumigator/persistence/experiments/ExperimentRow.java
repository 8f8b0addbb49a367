package ai.lumigator.persistence.experiments;

/** A row of {@code experiments}. Timestamps are epoch milliseconds. */
public record ExperimentRow(
    String id,
    String name,
    String description,
    String datasetId,
    int maxSamples,
    String taskDefinitionJson,
    long createdAt,
    long updatedAt) {}
