package ai.lumigator.api.jobs;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.errors.ConflictException;
import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.NotFoundException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobStatuses;
import ai.lumigator.persistence.secrets.SecretDao;
import ai.lumigator.workflows.config.LumigatorProperties;
import ai.lumigator.workflows.jobs.GeneratedDatasetSpec;
import ai.lumigator.workflows.jobs.JobLogsWorkflows;
import ai.lumigator.workflows.jobs.JobRequest;
import ai.lumigator.workflows.jobs.JobWorkflows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Jobs: create (row, then workflow), read from the database, stop through the workflow. */
@Service
public class JobService {
  private static final Logger log = LoggerFactory.getLogger(JobService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SUBMIT_WAIT = Duration.ofSeconds(10);
  private static final Duration SUBMIT_POLL = Duration.ofMillis(50);

  private final JobDao jobs;
  private final DatasetDao datasets;
  private final SecretDao secrets;
  private final S3Storage storage;
  private final WorkflowClient workflows;
  private final LumigatorProperties properties;
  private final Clock clock = Clock.systemUTC();

  public JobService(
      Jdbi jdbi, S3Storage storage, WorkflowClient workflows, LumigatorProperties properties) {
    this.jobs = jdbi.onDemand(JobDao.class);
    this.datasets = jdbi.onDemand(DatasetDao.class);
    this.secrets = jdbi.onDemand(SecretDao.class);
    this.storage = storage;
    this.workflows = workflows;
    this.properties = properties;
  }

  public JobRow create(JobCreateRequest<?> body) {
    JobSpec spec = body.spec();
    DatasetRow dataset =
        datasets
            .findById(spec.datasetId().toString())
            .orElseThrow(() -> new NotFoundException("Dataset", spec.datasetId()));
    if (spec.secretKeyName() != null && secrets.findCiphertext(spec.secretKeyName()).isEmpty()) {
      throw new BadRequestException(
          "Cannot create job '"
              + spec.name()
              + "': Requested secret key '"
              + spec.secretKeyName()
              + "' is not configured.");
    }
    String id = UUID.randomUUID().toString();
    String configJson = JobPrograms.configJson(spec, id, storage.bucket(), dataset.filename());
    JobRow row =
        JobRow.created(
            id,
            spec.name(),
            spec.description(),
            spec.jobType(),
            dataset.id(),
            null,
            configJson,
            JobConfigJson.toJson(body),
            spec.secretKeyName(),
            clock.millis());
    jobs.insert(row);
    GeneratedDatasetSpec generated =
        spec.storeToDataset()
            ? new GeneratedDatasetSpec(
                JobPrograms.generatedFilename(dataset.filename(), spec.jobType(), spec.model()),
                spec.outputField(),
                spec.model())
            : null;
    JobRequest request =
        new JobRequest(
            id,
            spec.jobType(),
            JobPrograms.command(spec.jobType()),
            configJson,
            spec.secretKeyName(),
            dataset.id(),
            spec.model(),
            JobPaths.resultsKey(id),
            spec.timeoutSeconds(),
            Math.max(1, properties.ray().heartbeatTimeout().toSeconds()),
            generated,
            JobPrograms.cache(spec, configJson, dataset));
    try {
      JobWorkflows.start(workflows, request);
    } catch (RuntimeException e) {
      // the client sees the failure: leave nothing behind
      jobs.delete(id);
      log.warn("Job {} not started: {}", id, e.getMessage());
      throw new UpstreamException("Temporal", "could not start the job's workflow", e);
    }
    log.info("Job {} ({}) created on dataset {}", id, spec.jobType(), dataset.id());
    awaitSubmitted(id);
    return row;
  }

  /**
   * The original submitted a job to Ray before answering, and clients ask Ray for it at once (the
   * SDK's wait_for_job fails on a job Ray does not know): wait until the job's workflow has
   * submitted it (the row holds Ray's submission id) or it ended, at most {@link #SUBMIT_WAIT}.
   * Without a running worker the answer comes after that, the job created and waiting for one.
   */
  private void awaitSubmitted(String id) {
    long deadline = clock.millis() + SUBMIT_WAIT.toMillis();
    while (clock.millis() < deadline) {
      Optional<JobRow> row = jobs.findById(id);
      if (row.isEmpty()
          || row.get().raySubmissionId() != null
          || JobStatuses.isTerminal(row.get().status())) {
        return;
      }
      try {
        Thread.sleep(SUBMIT_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.warn(
        "Job {} not on Ray after {}: answering without it (is a worker running?)", id, SUBMIT_WAIT);
  }

  public JobListing list(Collection<String> jobTypes, long skip, long limit) {
    List<Map<String, Object>> items =
        jobs.list(jobTypes, skip, limit).stream().map(JobDetails::of).toList();
    return new JobListing(jobs.count(jobTypes), items);
  }

  public JobRow get(UUID id) {
    return jobs.findById(id.toString()).orElseThrow(() -> new NotFoundException("Job", id));
  }

  public String logs(UUID id) {
    JobRow row = get(id);
    if (row.logs() != null) return row.logs();
    if (row.raySubmissionId() == null) return "";
    // still running: the worker reads them from Ray
    try {
      return JobLogsWorkflows.fetch(workflows, row.id(), row.raySubmissionId());
    } catch (WorkflowException e) {
      log.info("Job {}: no logs from Ray: {}", id, e.getMessage());
      throw new UpstreamException("Ray", "the job's logs could not be read; try again", e);
    }
  }

  public JsonNode result(UUID id) {
    JobRow row = get(id);
    if (!JobStatuses.SUCCEEDED.equals(row.status()) || row.resultSummaryJson() == null) {
      throw new ConflictException(
          "Job " + id + " has no result: its status is " + row.status() + ", not succeeded");
    }
    try {
      return JSON.readTree(row.resultSummaryJson());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored result summary of job " + id + " is unreadable", e);
    }
  }

  public Map<String, String> resultDownload(UUID id) {
    JobRow row = get(id);
    String key =
        row.resultsKey() != null
            ? row.resultsKey()
            : JobPaths.namedResultsKey(row.name(), row.id());
    return Map.of("id", row.id(), "download_url", storage.presignGet(key));
  }

  public GeneratedDatasetResponse dataset(UUID id) {
    Optional<DatasetRow> dataset =
        jobs.findById(id.toString())
            .map(JobRow::generatedDatasetId)
            .flatMap(datasets::findById)
            .or(() -> datasets.findByRunId(id.toString()).stream().findFirst());
    return dataset
        .map(GeneratedDatasetResponse::of)
        .orElseThrow(
            () ->
                new InvalidInputException("Dataset not available: not found using job ID: " + id));
  }

  public JobRow stop(UUID id) {
    JobRow row = get(id);
    if (JobStatuses.isTerminal(row.status())) throw alreadyEnded(row);
    try {
      WorkflowStub.fromTyped(JobWorkflows.existing(workflows, row.id())).cancel();
      log.info("Job {}: stop requested", id);
    } catch (WorkflowNotFoundException e) {
      // the workflow has closed meanwhile: its final status is (about to be) recorded
      JobRow now = get(id);
      if (JobStatuses.isTerminal(now.status())) throw alreadyEnded(now);
      log.warn("Job {} has no running workflow; recording it stopped", id);
      jobs.setFailureReason(row.id(), "Stopped on request (no running workflow)", clock.millis());
      jobs.updateStatus(row.id(), JobStatuses.STOPPED, clock.millis());
    }
    return get(id);
  }

  private static ConflictException alreadyEnded(JobRow row) {
    return new ConflictException("Job " + row.id() + " has already ended: " + row.status());
  }
}
