package ai.lumigator.activities.jobs;

import ai.lumigator.activities.FailureReasons;
import ai.lumigator.activities.ray.RayException;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobStatuses;
import ai.lumigator.persistence.jobs.RayDetails;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class JobActivitiesImpl implements JobActivities {
  private static final Logger log = LoggerFactory.getLogger(JobActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Logs longer than this keep their end: the end is where a failure shows. */
  static final int MAX_LOG_CHARS = 4 * 1024 * 1024;

  private final JobDao jobs;
  private final S3Storage storage;
  private final RayJobsClient ray;
  private final Clock clock;

  public JobActivitiesImpl(JobDao jobs, S3Storage storage, RayJobsClient ray, Clock clock) {
    this.jobs = jobs;
    this.storage = storage;
    this.ray = ray;
    this.clock = clock;
  }

  @Override
  public void saveLogs(SaveJobLogs request) {
    Optional<String> logs;
    try {
      logs = ray.logs(request.submissionId());
    } catch (RayException e) {
      if (e.isRetryable()) throw e;
      throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), "RayRejected", e);
    }
    if (logs.isEmpty()) {
      log.warn("Ray has no logs of job {}; keeping what the row has", request.jobId());
      return;
    }
    jobs.saveLogs(request.jobId(), tail(logs.get()), clock.millis());
  }

  @Override
  public boolean saveResult(SaveJobResult request) {
    Optional<JsonNode> results = readResults(request.resultsKey());
    if (results.isEmpty()) {
      log.warn("Job {} wrote no results at {}", request.jobId(), request.resultsKey());
      return false;
    }
    String summary = ResultSummaries.summarize(results.get()).toString();
    jobs.saveResult(request.jobId(), request.resultsKey(), summary, clock.millis());
    log.info("Job {}: result summary saved", request.jobId());
    return true;
  }

  @Override
  public GeneratedCsv writeGeneratedCsv(WriteGeneratedCsv request) {
    GeneratedCsvWriter.Csv csv =
        JobResultsCsv.build(storage, request.resultsKey(), request.jobId(), request.outputField());
    storage.putBytes(request.stagingKey(), csv.bytes(), "text/csv");
    log.info(
        "Job {}: generated dataset CSV of {} rows at {}",
        request.jobId(),
        csv.rows(),
        request.stagingKey());
    return new GeneratedCsv(request.stagingKey(), csv.bytes().length, csv.rows());
  }

  @Override
  public void recordGeneratedDataset(RecordGeneratedDataset request) {
    jobs.setGeneratedDataset(request.jobId(), request.datasetId(), clock.millis());
  }

  @Override
  public void recordOutcome(RecordJobOutcome request) {
    if (!JobStatuses.isTerminal(request.status())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "not a terminal job status: " + request.status(), "BadStatus");
    }
    long now = clock.millis();
    JobRow row =
        jobs.findAnyById(request.jobId())
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "Job " + request.jobId() + " has no row", "JobMissing"));
    if (request.ray() != null)
      jobs.updateRayDetails(request.jobId(), merge(row, request.ray()), now);
    if (request.generatedDatasetId() != null) {
      jobs.setGeneratedDataset(request.jobId(), request.generatedDatasetId(), now);
    }
    if (request.failureReason() != null && !JobStatuses.isTerminal(row.status())) {
      if (!request.failureReason().equals(FailureReasons.oneLine(request.failureReason()))) {
        log.info("Job {} failed: {}", request.jobId(), request.failureReason());
      }
      jobs.setFailureReason(request.jobId(), FailureReasons.oneLine(request.failureReason()), now);
    }
    if (jobs.updateStatus(request.jobId(), request.status(), now)) {
      log.info("Job {} ended {}", request.jobId(), request.status());
    } else {
      log.info(
          "Job {} already ended {}; {} not recorded",
          request.jobId(),
          row.status(),
          request.status());
    }
  }

  private static RayDetails merge(JobRow row, RayJobOutcome end) {
    return new RayDetails(
        end.submissionId() != null ? end.submissionId() : row.raySubmissionId(),
        end.status() != null ? end.status() : row.rayStatus(),
        end.message() != null ? end.message() : row.rayMessage(),
        end.errorType() != null ? end.errorType() : row.rayErrorType(),
        end.startTime() != null ? end.startTime() : row.rayStartTime(),
        end.endTime() != null ? end.endTime() : row.rayEndTime(),
        end.driverExitCode() != null ? end.driverExitCode() : row.rayDriverExitCode(),
        row.rayEntrypoint(),
        row.rayRuntimeEnvJson(),
        row.rayMetadataJson());
  }

  private Optional<JsonNode> readResults(String key) {
    if (!storage.exists(key)) return Optional.empty();
    try (InputStream in = storage.openStream(key)) {
      return Optional.of(JSON.readTree(in));
    } catch (StorageException e) {
      if (e.isNotFound()) return Optional.empty();
      throw e;
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "results.json at " + key + " is not JSON: " + e.getMessage(), "BadResults");
    }
  }

  static String tail(String logs) {
    if (logs.length() <= MAX_LOG_CHARS) return logs;
    return "[... "
        + (logs.length() - MAX_LOG_CHARS)
        + " earlier characters dropped ...]\n"
        + logs.substring(logs.length() - MAX_LOG_CHARS);
  }
}
