package ai.lumigator.activities.datasets;

/** The row to record for an ingested dataset: what was asked and what canonicalising found. */
public record DatasetRecord(DatasetIngestRequest request, CanonicalDataset dataset) {}
