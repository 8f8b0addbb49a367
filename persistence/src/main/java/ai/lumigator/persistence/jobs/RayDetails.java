package ai.lumigator.persistence.jobs;

/** What Ray reports about a job's submission; any field may be null. Times are epoch ms. */
public record RayDetails(
    String submissionId,
    String status,
    String message,
    String errorType,
    Long startTime,
    Long endTime,
    Integer driverExitCode,
    String entrypoint,
    String runtimeEnvJson,
    String metadataJson) {}
