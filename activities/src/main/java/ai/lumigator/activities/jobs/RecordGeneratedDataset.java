package ai.lumigator.activities.jobs;

public record RecordGeneratedDataset(String jobId, String datasetId) {}
