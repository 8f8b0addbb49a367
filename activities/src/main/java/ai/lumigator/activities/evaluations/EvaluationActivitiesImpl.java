package ai.lumigator.activities.evaluations;

import ai.lumigator.activities.FailureReasons;
import ai.lumigator.activities.datasets.ObjectUpload;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class EvaluationActivitiesImpl implements EvaluationActivities {
  private static final Logger log = LoggerFactory.getLogger(EvaluationActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkflowDao workflows;
  private final JobDao jobs;
  private final S3Storage storage;
  private final Clock clock;

  public EvaluationActivitiesImpl(
      WorkflowDao workflows, JobDao jobs, S3Storage storage, Clock clock) {
    this.workflows = workflows;
    this.jobs = jobs;
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public void markRunning(WorkflowRef workflow) {
    if (workflows.updateStatus(workflow.workflowId(), WorkflowStatuses.RUNNING, clock.millis())) {
      log.info("Workflow {} running", workflow.workflowId());
    }
  }

  @Override
  public void createJob(CreateWorkflowJob job) {
    if (workflows.findById(job.workflowId()).isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Workflow " + job.workflowId() + " no longer exists", "WorkflowMissing");
    }
    if (jobs.findAnyById(job.jobId()).isEmpty()) {
      try {
        jobs.insert(
            JobRow.created(
                job.jobId(),
                job.name(),
                job.description(),
                job.jobType(),
                job.datasetId(),
                job.experimentId(),
                job.configJson(),
                job.requestJson(),
                job.secretKeyName(),
                clock.millis()));
        log.info("Workflow {}: {} job {} created", job.workflowId(), job.role(), job.jobId());
      } catch (RuntimeException e) {
        // an earlier attempt that we lost track of may have inserted it meanwhile
        if (jobs.findAnyById(job.jobId()).isEmpty()) throw e;
      }
    }
    try {
      workflows.linkJob(job.workflowId(), job.role(), job.jobId());
    } catch (IllegalStateException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "JobRoleTaken");
    }
  }

  @Override
  public CompiledEvaluation compile(CompileEvaluation request) {
    CompiledResults.Outline inference =
        outline(request.inferenceJobId(), request.inferenceResultsKey());
    CompiledResults.Outline evaluator =
        outline(request.evaluatorJobId(), request.evaluatorResultsKey());
    String key = EvaluationKeys.compiled(request.workflowId());
    ObjectUpload upload = ObjectUpload.start(storage, key, "application/json");
    try {
      CompiledResults.write(
          () -> storage.openStream(request.inferenceResultsKey()),
          () -> storage.openStream(request.evaluatorResultsKey()),
          evaluator,
          upload);
      upload.commit();
    } catch (IOException | RuntimeException e) {
      upload.abort(e);
      if (e instanceof JsonProcessingException j) throw badResults(request.workflowId(), j);
      if (e instanceof IOException io) throw new UncheckedIOException("compiling " + key, io);
      throw (RuntimeException) e;
    }
    Map<String, Double> metrics = FlatMetrics.of(CompiledResults.metrics(inference, evaluator));
    Map<String, Object> parameters =
        CompiledResults.parameters(request, inference.summary(), evaluator.summary());
    boolean recorded =
        workflows.recordResult(
            request.workflowId(), string(metrics), string(parameters), key, clock.millis());
    if (recorded) {
      log.info(
          "Workflow {}: {} metrics compiled to {} ({} bytes)",
          request.workflowId(),
          metrics.size(),
          key,
          upload.written());
    } else {
      log.warn("Workflow {} has no row; compiled results not recorded", request.workflowId());
    }
    if (request.markSucceeded()) markSucceeded(new WorkflowRef(request.workflowId()));
    return new CompiledEvaluation(key, metrics.size());
  }

  @Override
  public void markSucceeded(WorkflowRef workflow) {
    if (workflows.updateStatus(workflow.workflowId(), WorkflowStatuses.SUCCEEDED, clock.millis())) {
      log.info("Workflow {} succeeded", workflow.workflowId());
    } else {
      log.info("Workflow {} already ended; succeeded not recorded", workflow.workflowId());
    }
  }

  @Override
  public void markFailed(WorkflowFailure failure) {
    String reason = FailureReasons.oneLine(failure.reason());
    if (workflows.markFailed(failure.workflowId(), reason, clock.millis())) {
      log.info("Workflow {} failed: {}", failure.workflowId(), failure.reason());
    } else {
      log.info("Workflow {} already ended; failure not recorded", failure.workflowId());
    }
  }

  /** One streaming read of a results.json: its small values and its keys. */
  private CompiledResults.Outline outline(String jobId, String key) {
    try (InputStream in = storage.openStream(key)) {
      return CompiledResults.outline(in);
    } catch (StorageException e) {
      if (!e.isNotFound()) throw e;
      throw ApplicationFailure.newNonRetryableFailure(
          "Job " + jobId + " wrote no results at " + key, "NoResults");
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "results.json of job " + jobId + " at " + key + " is not JSON: " + e.getOriginalMessage(),
          "BadResults");
    } catch (CompiledResults.NotAnObject e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "results.json of job " + jobId + " at " + key + " is not a JSON object", "BadResults");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + key + " failed", e);
    }
  }

  private static ApplicationFailure badResults(String workflowId, JsonProcessingException e) {
    return ApplicationFailure.newNonRetryableFailure(
        "results of workflow " + workflowId + " changed while compiling: " + e.getOriginalMessage(),
        "BadResults");
  }

  private static String string(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise workflow results", e);
    }
  }
}
