package ai.lumigator.persistence.jobs;

/**
 * A row of {@code jobs}. Boxed fields and the {@code ray*}, {@code logs}, {@code results*}, {@code
 * progress*}, {@code generatedDatasetId}, {@code failureReason}, {@code experimentId}, {@code
 * secretKeyName} and {@code cacheJson} fields may be null. {@code configJson} is the job program's
 * config (never a secret), {@code requestJson} the original create request. Timestamps are epoch
 * milliseconds.
 */
public record JobRow(
    String id,
    String name,
    String description,
    String jobType,
    String status,
    String datasetId,
    String experimentId,
    String configJson,
    String requestJson,
    String secretKeyName,
    String resultsKey,
    String raySubmissionId,
    String rayStatus,
    String rayMessage,
    String rayErrorType,
    Long rayStartTime,
    Long rayEndTime,
    Integer rayDriverExitCode,
    String rayEntrypoint,
    String rayRuntimeEnvJson,
    String rayMetadataJson,
    String logs,
    String resultSummaryJson,
    String generatedDatasetId,
    Long progressDone,
    Long progressTotal,
    String failureReason,
    long createdAt,
    long updatedAt,
    String cacheJson) {

  /** A new job as created by the API: no Ray details, logs, results or progress yet. */
  public static JobRow created(
      String id,
      String name,
      String description,
      String jobType,
      String datasetId,
      String experimentId,
      String configJson,
      String requestJson,
      String secretKeyName,
      long now) {
    return new JobRow(
        id,
        name,
        description,
        jobType,
        JobStatuses.CREATED,
        datasetId,
        experimentId,
        configJson,
        requestJson,
        secretKeyName,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
        now,
        null);
  }
}
