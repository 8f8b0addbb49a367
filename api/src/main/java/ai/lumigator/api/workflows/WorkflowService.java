package ai.lumigator.api.workflows;

import ai.lumigator.activities.evaluations.FlatMetrics;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.deletions.Deletions;
import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.errors.ConflictException;
import ai.lumigator.api.errors.NotFoundException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.api.jobs.JobService;
import ai.lumigator.api.models.ModelCatalogue;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobStatuses;
import ai.lumigator.persistence.jobs.JobTypes;
import ai.lumigator.persistence.secrets.SecretDao;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowJobRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.config.LumigatorProperties;
import ai.lumigator.workflows.evaluations.EvaluationPhases;
import ai.lumigator.workflows.evaluations.EvaluationResult;
import ai.lumigator.workflows.evaluations.EvaluationState;
import ai.lumigator.workflows.evaluations.EvaluationWorkflow;
import ai.lumigator.workflows.evaluations.EvaluationWorkflows;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Workflows: create (row, then the evaluation workflow), read from the database plus the running
 * workflow's query, stop and delete through the workflow.
 */
@Service
public class WorkflowService {
  private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String LOG_SEPARATOR = "\n================\n";

  /**
   * A workflow row without a Temporal workflow this long after its creation was never started (the
   * API died between insert and start): it is recorded failed on the next read.
   */
  static final Duration NEVER_STARTED_AFTER = Duration.ofMinutes(2);

  private final WorkflowDao workflows;
  private final ExperimentDao experiments;
  private final DatasetDao datasets;
  private final JobDao jobs;
  private final SecretDao secrets;
  private final S3Storage storage;
  private final WorkflowClient client;
  private final LumigatorProperties properties;
  private final JobService jobService;
  private final WorkflowStates states;
  private final Deletions deletions;
  private final ModelCatalogue catalogue;
  private final Clock clock = Clock.systemUTC();

  public WorkflowService(
      Jdbi jdbi,
      S3Storage storage,
      WorkflowClient client,
      LumigatorProperties properties,
      JobService jobService,
      WorkflowStates states,
      Deletions deletions,
      ModelCatalogue catalogue) {
    this.workflows = jdbi.onDemand(WorkflowDao.class);
    this.experiments = jdbi.onDemand(ExperimentDao.class);
    this.datasets = jdbi.onDemand(DatasetDao.class);
    this.jobs = jdbi.onDemand(JobDao.class);
    this.secrets = jdbi.onDemand(SecretDao.class);
    this.storage = storage;
    this.client = client;
    this.properties = properties;
    this.jobService = jobService;
    this.states = states;
    this.deletions = deletions;
    this.catalogue = catalogue;
  }

  public WorkflowRow create(WorkflowCreateRequest spec) {
    EvaluationPlanner.check(spec);
    String refused = "Cannot create workflow '" + spec.name() + "': ";
    ExperimentRow experiment =
        experiments
            .findById(spec.experimentId().toString())
            .orElseThrow(() -> new BadRequestException(refused + "No experiment found."));
    DatasetRow dataset =
        datasets
            .findById(experiment.datasetId())
            .orElseThrow(
                () ->
                    new BadRequestException(
                        refused
                            + "the experiment's dataset "
                            + experiment.datasetId()
                            + " no longer exists."));
    if (spec.secretKeyName() != null && secrets.findCiphertext(spec.secretKeyName()).isEmpty()) {
      throw new BadRequestException(
          refused + "Requested secret key '" + spec.secretKeyName() + "' is not configured.");
    }
    String id = UUID.randomUUID().toString();
    EvaluationPlanner.Plan plan =
        EvaluationPlanner.plan(
            spec,
            id,
            experiment,
            dataset,
            storage.bucket(),
            Math.max(1, properties.ray().heartbeatTimeout().toSeconds()));
    long now = clock.millis();
    WorkflowRow row =
        new WorkflowRow(
            id,
            experiment.id(),
            spec.name(),
            spec.descriptionOrDefault(),
            spec.model(),
            provider(spec),
            spec.baseUrl(),
            plan.systemPrompt(),
            spec.secretKeyName(),
            JobConfigJson.toJson(spec),
            WorkflowStatuses.CREATED,
            null,
            null,
            null,
            null,
            now,
            now);
    workflows.insert(row);
    try {
      EvaluationWorkflows.start(client, plan.request());
    } catch (RuntimeException e) {
      // the client sees the failure: leave nothing behind
      workflows.delete(id);
      log.warn("Workflow {} not started: {}", id, e.getMessage());
      throw new UpstreamException("Temporal", "could not start the workflow", e);
    }
    log.info(
        "Workflow {} ({} {}) created in experiment {}",
        id,
        row.provider(),
        row.model(),
        experiment.id());
    return row;
  }

  private static String provider(WorkflowCreateRequest spec) {
    return spec.provider().trim().toLowerCase(Locale.ROOT);
  }

  public WorkflowRow get(UUID id) {
    return workflows
        .findById(id.toString())
        .orElseThrow(() -> new NotFoundException("Workflow", id));
  }

  /** The workflow in detail, with the running workflow's phase and progress. */
  public WorkflowDetailsResponse details(UUID id) {
    return details(get(id), true);
  }

  /**
   * @param live ask Temporal for the phase and progress of a workflow still running (and record one
   *     whose Temporal workflow is gone as failed)
   */
  public WorkflowDetailsResponse details(WorkflowRow row, boolean live) {
    String phase = WorkflowStatuses.isTerminal(row.status()) ? EvaluationPhases.DONE : null;
    WorkflowProgress progress = null;
    if (live && !WorkflowStatuses.isTerminal(row.status())) {
      row = reconcile(row);
      if (WorkflowStatuses.isTerminal(row.status())) {
        phase = EvaluationPhases.DONE;
      } else {
        String id = row.id();
        EvaluationState state = states.state(id).orElseGet(() -> storedState(id));
        phase = state.phase();
        if (state.jobId() != null && state.done() >= 0) {
          progress = new WorkflowProgress(state.jobId(), state.done(), state.total());
        }
      }
    }
    List<WorkflowJobResults> jobResults = new ArrayList<>();
    for (WorkflowJobRow link : workflows.jobsOf(row.id())) {
      jobs.findById(link.jobId()).ifPresent(job -> jobResults.add(jobResults(job)));
    }
    String download = null;
    if (WorkflowStatuses.SUCCEEDED.equals(row.status()) && row.compiledKey() != null) {
      download = presign(row.compiledKey());
    }
    return new WorkflowDetailsResponse(
        row.id(),
        row.experimentId(),
        row.model(),
        row.name(),
        row.description(),
        row.systemPrompt(),
        row.status(),
        WorkflowResponse.iso(row.createdAt()),
        WorkflowResponse.iso(row.updatedAt()),
        jobResults,
        metrics(row),
        parameters(row),
        download,
        row.provider(),
        row.failureReason(),
        phase,
        progress,
        usage(row));
  }

  /** Tokens, latency and estimated cost of a succeeded workflow; null before it succeeded. */
  public WorkflowUsage usage(WorkflowRow row) {
    return WorkflowUsage.of(
        metrics(row), catalogue.priceOf(row.provider(), row.model(), row.baseUrl()));
  }

  /** What the rows say of a running workflow, when its query went unanswered. */
  private EvaluationState storedState(String workflowId) {
    return storedState(
        workflows.jobOf(workflowId, WorkflowJobRow.INFERENCE).flatMap(jobs::findById),
        workflows.jobOf(workflowId, WorkflowJobRow.EVALUATOR).flatMap(jobs::findById));
  }

  /**
   * The phase and progress a running workflow's query would answer, from its jobs' rows: the
   * evaluator's phase once it has one (compiling once it succeeded), else the inference's (storing
   * the predictions once it succeeded), else the first phase.
   */
  static EvaluationState storedState(Optional<JobRow> inference, Optional<JobRow> evaluator) {
    Optional<JobRow> job = evaluator.isPresent() ? evaluator : inference;
    if (job.isEmpty()) return new EvaluationState(EvaluationPhases.INFERENCE, null, null, -1, -1);
    JobRow j = job.get();
    boolean succeeded = JobStatuses.SUCCEEDED.equals(j.status());
    String phase =
        evaluator.isPresent()
            ? (succeeded ? EvaluationPhases.COMPILE : EvaluationPhases.EVALUATION)
            : (succeeded ? EvaluationPhases.INGEST_PREDICTIONS : EvaluationPhases.INFERENCE);
    if (EvaluationPhases.COMPILE.equals(phase))
      return new EvaluationState(phase, null, null, -1, -1);
    long done = j.progressDone() == null ? -1 : j.progressDone();
    long total = j.progressTotal() == null ? -1 : j.progressTotal();
    return new EvaluationState(phase, j.id(), j.status(), done, total);
  }

  /**
   * A row that is not terminal while its Temporal workflow has closed (terminated by an operator,
   * say) or never existed would stay running for ever: record it failed. The row's guard keeps an
   * outcome the workflow recorded meanwhile.
   */
  private WorkflowRow reconcile(WorkflowRow row) {
    WorkflowStates.Execution execution = states.execution(row.id());
    String reason = null;
    if (execution == WorkflowStates.Execution.CLOSED) {
      reason = "The workflow ended without recording an outcome (terminated or timed out)";
    } else if (execution == WorkflowStates.Execution.NOT_FOUND
        && clock.millis() - row.createdAt() > NEVER_STARTED_AFTER.toMillis()) {
      reason = "The workflow was never started";
    }
    if (reason != null && workflows.markFailed(row.id(), reason, clock.millis())) {
      log.warn("Workflow {}: {}; recorded failed", row.id(), reason);
    }
    return reason == null ? row : workflows.findById(row.id()).orElse(row);
  }

  private WorkflowJobResults jobResults(JobRow job) {
    List<WorkflowJobResults.NameValue> metrics = new ArrayList<>();
    List<WorkflowJobResults.NameValue> parameters = new ArrayList<>();
    parameters.add(new WorkflowJobResults.NameValue("ray_job_id", job.id()));
    if (job.resultsKey() != null) {
      String path = storage.bucket() + "/" + job.resultsKey();
      parameters.add(
          new WorkflowJobResults.NameValue(
              JobTypes.EVALUATOR.equals(job.jobType())
                  ? "eval_output_s3_path"
                  : "inference_output_s3_path",
              path));
    }
    if (job.resultSummaryJson() != null) {
      JsonNode summary = readTree(job.resultSummaryJson());
      FlatMetrics.of(summary.path("metrics"))
          .forEach((k, v) -> metrics.add(new WorkflowJobResults.NameValue(k, v)));
      for (String time : List.of("inference_time", "evaluation_time")) {
        JsonNode t = summary.path("artifacts").path(time);
        if (t.isNumber()) {
          parameters.add(new WorkflowJobResults.NameValue(time, FlatMetrics.round3(t.asDouble())));
        }
      }
    }
    if (job.generatedDatasetId() != null) {
      parameters.add(
          new WorkflowJobResults.NameValue("generated_dataset_id", job.generatedDatasetId()));
    }
    String resultsUrl = job.resultsKey() == null ? "" : storage.presignGet(job.resultsKey());
    return new WorkflowJobResults(
        job.id(), job.jobType(), job.status(), metrics, parameters, resultsUrl, resultsUrl);
  }

  static Map<String, Double> metrics(WorkflowRow row) {
    if (row.metricsJson() == null) return null;
    try {
      return JSON.readValue(row.metricsJson(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new IllegalStateException("stored metrics of workflow " + row.id() + " unreadable", e);
    }
  }

  static Map<String, Object> parameters(WorkflowRow row) {
    if (row.parametersJson() == null) return null;
    try {
      return JSON.readValue(row.parametersJson(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new IllegalStateException(
          "stored parameters of workflow " + row.id() + " unreadable", e);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("stored JSON unreadable", e);
    }
  }

  /** Inference logs, a separator line, evaluation logs (each empty while it has none). */
  public String logs(UUID id) {
    WorkflowRow row = get(id);
    String inference = jobLogs(row.id(), WorkflowJobRow.INFERENCE);
    String evaluation = jobLogs(row.id(), WorkflowJobRow.EVALUATOR);
    return inference + LOG_SEPARATOR + evaluation;
  }

  private String jobLogs(String workflowId, String role) {
    Optional<String> jobId = workflows.jobOf(workflowId, role);
    if (jobId.isEmpty() || jobs.findById(jobId.get()).isEmpty()) return "";
    return jobService.logs(UUID.fromString(jobId.get()));
  }

  /** The presigned URL of compiled.json; 409 until the workflow succeeded. */
  public String resultDownload(UUID id) {
    WorkflowRow row = get(id);
    if (!WorkflowStatuses.SUCCEEDED.equals(row.status()) || row.compiledKey() == null) {
      throw new ConflictException(
          "Workflow " + id + " has no result: its status is " + row.status() + ", not succeeded");
    }
    return presign(row.compiledKey());
  }

  private String presign(String key) {
    try {
      return storage.presignGet(key);
    } catch (StorageException e) {
      throw new UpstreamException("S3", e.getMessage(), e);
    }
  }

  /** How long a stop waits for the workflow to stop its job and record it. */
  static final Duration STOP_WAIT = Duration.ofSeconds(90);

  /**
   * Stops the running job (its Ray job is stopped, the job {@code stopped}) and records the
   * workflow {@code failed}, "stopped by user"; waits a while for that to be recorded.
   */
  public WorkflowRow stop(UUID id) {
    WorkflowRow row = get(id);
    if (WorkflowStatuses.isTerminal(row.status())) {
      throw new ConflictException("Workflow " + id + " has already ended: " + row.status());
    }
    WorkflowStub stub = client.newUntypedWorkflowStub(WorkflowIds.evaluation(row.id()));
    try {
      stub.cancel();
      log.info("Workflow {}: stop requested", id);
    } catch (WorkflowNotFoundException e) {
      // never started, or closed meanwhile: nothing runs that could record the stop
      if (workflows.markFailed(row.id(), EvaluationWorkflow.STOPPED_BY_USER, clock.millis())) {
        log.warn("Workflow {} had no running workflow; recorded it stopped", row.id());
      }
      return get(id);
    }
    try {
      stub.getResult(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS, EvaluationResult.class);
    } catch (TimeoutException e) {
      log.warn("Workflow {}: stop requested, not yet recorded", id);
    } catch (WorkflowException e) {
      // cancelled (the expected end) or otherwise closed
    }
    return get(id);
  }

  /**
   * Deletes the workflow with its jobs, their results and the predictions dataset: hidden at once,
   * removed by its deletion workflow. A workflow still running is refused unless {@code force},
   * which has the deletion stop it first (it is recorded failed, "stopped by user").
   */
  public WorkflowRow delete(UUID id, boolean force) {
    WorkflowRow row = get(id);
    boolean running = !WorkflowStatuses.isTerminal(row.status());
    if (running && !force) throw new BadRequestException("Cannot delete a running workflow");
    WorkflowRow[] answer = {row};
    deletions.workflow(
        row.id(),
        () -> {
          if (running) {
            workflows.markFailed(row.id(), EvaluationWorkflow.STOPPED_BY_USER, clock.millis());
            answer[0] = workflows.findById(row.id()).orElse(row);
          }
        });
    return answer[0];
  }

  /** The rows of an experiment's workflows, newest first. */
  public List<WorkflowRow> ofExperiment(String experimentId) {
    return workflows.listByExperiment(experimentId);
  }
}
