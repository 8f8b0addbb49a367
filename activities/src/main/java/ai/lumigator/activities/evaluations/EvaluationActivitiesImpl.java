package ai.lumigator.activities.evaluations;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    if (jobs.findById(job.jobId()).isEmpty()) {
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
        if (jobs.findById(job.jobId()).isEmpty()) throw e;
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
    JsonNode inference = read(request.inferenceJobId(), request.inferenceResultsKey());
    JsonNode evaluator = read(request.evaluatorJobId(), request.evaluatorResultsKey());
    ObjectNode compiled = CompiledResults.compile(inference, evaluator);
    String key = EvaluationKeys.compiled(request.workflowId());
    storage.putBytes(key, bytes(compiled), "application/json");
    Map<String, Double> metrics = FlatMetrics.of(compiled.path("metrics"));
    Map<String, Object> parameters = CompiledResults.parameters(request, inference, evaluator);
    boolean recorded =
        workflows.recordResult(
            request.workflowId(), string(metrics), string(parameters), key, clock.millis());
    if (recorded) {
      log.info("Workflow {}: {} metrics compiled to {}", request.workflowId(), metrics.size(), key);
    } else {
      log.warn("Workflow {} has no row; compiled results not recorded", request.workflowId());
    }
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
    if (workflows.markFailed(failure.workflowId(), failure.reason(), clock.millis())) {
      log.info("Workflow {} failed: {}", failure.workflowId(), failure.reason());
    } else {
      log.info("Workflow {} already ended; failure not recorded", failure.workflowId());
    }
  }

  private JsonNode read(String jobId, String key) {
    try (InputStream in = storage.openStream(key)) {
      JsonNode results = JSON.readTree(in);
      if (results == null || !results.isObject()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "results.json of job " + jobId + " at " + key + " is not a JSON object", "BadResults");
      }
      return results;
    } catch (StorageException e) {
      if (!e.isNotFound()) throw e;
      throw ApplicationFailure.newNonRetryableFailure(
          "Job " + jobId + " wrote no results at " + key, "NoResults");
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "results.json of job " + jobId + " at " + key + " is not JSON: " + e.getOriginalMessage(),
          "BadResults");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + key + " failed", e);
    }
  }

  private static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise compiled results", e);
    }
  }

  private static String string(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise workflow results", e);
    }
  }
}
