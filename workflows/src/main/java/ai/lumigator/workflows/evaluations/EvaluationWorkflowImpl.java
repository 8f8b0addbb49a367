package ai.lumigator.workflows.evaluations;

import ai.lumigator.activities.evaluations.CompileEvaluation;
import ai.lumigator.activities.evaluations.CreateWorkflowJob;
import ai.lumigator.activities.evaluations.EvaluationActivities;
import ai.lumigator.activities.evaluations.WorkflowFailure;
import ai.lumigator.activities.evaluations.WorkflowRef;
import ai.lumigator.activities.jobs.JobActivities;
import ai.lumigator.activities.jobs.RecordJobOutcome;
import ai.lumigator.persistence.jobs.JobStatuses;
import ai.lumigator.persistence.workflows.WorkflowJobRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import ai.lumigator.workflows.ActivityStubs;
import ai.lumigator.workflows.jobs.JobRequest;
import ai.lumigator.workflows.jobs.JobResult;
import ai.lumigator.workflows.jobs.JobWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

public class EvaluationWorkflowImpl implements EvaluationWorkflow {
  private static final Logger log = Workflow.getLogger(EvaluationWorkflowImpl.class);

  /** The failure reason of a workflow stopped through the API (stop, forced delete). */
  private final EvaluationActivities io = ActivityStubs.io(EvaluationActivities.class);

  private final JobActivities jobs = ActivityStubs.io(JobActivities.class);
  private final EvaluationActivities localDb =
      ActivityStubs.localDatabase(EvaluationActivities.class);

  /** Runs the database-only steps; local activities from version 1 of "local-db-steps" on. */
  private EvaluationActivities db = io;

  private String phase = EvaluationPhases.INFERENCE;
  private String jobId;
  private String jobStatus;
  private long done = -1;
  private long total = -1;

  /** The job of the current phase has a row but its child has not returned a result. */
  private boolean jobUnfinished;

  /**
   * Version 1 marks the workflow running while the inference job's row is created, and records it
   * succeeded in the step that records its compiled results: fewer round trips.
   */
  static final String FEWER_STEPS = "fewer-steps";

  /**
   * Version 1 runs the database-only steps (mark running, create a job's row) as local activities:
   * the child job workflow starts in the same workflow task instead of two round trips later.
   */
  static final String LOCAL_DB_STEPS = "local-db-steps";

  @Override
  public EvaluationResult run(EvaluationRequest request) {
    String id = request.workflowId();
    try {
      boolean v1 =
          Workflow.getVersion(FEWER_STEPS, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
      if (Workflow.getVersion(LOCAL_DB_STEPS, Workflow.DEFAULT_VERSION, 1)
          != Workflow.DEFAULT_VERSION) {
        db = localDb;
      }
      Promise<Void> running;
      if (v1) {
        running = Async.procedure(db::markRunning, new WorkflowRef(id));
      } else {
        io.markRunning(new WorkflowRef(id));
        running = Workflow.newPromise(null);
      }
      JobResult inference = runJob(request, request.inference(), WorkflowJobRow.INFERENCE, running);
      if (stopRequested()) return stopped(id);
      if (!JobStatuses.SUCCEEDED.equals(inference.status())) {
        return failed(id, ended("Inference", inference));
      }
      JobResult evaluation =
          runJob(request, request.evaluator(), WorkflowJobRow.EVALUATOR, Workflow.newPromise(null));
      if (stopRequested()) return stopped(id);
      if (!JobStatuses.SUCCEEDED.equals(evaluation.status())) {
        return failed(id, ended("Evaluation", evaluation));
      }
      enter(EvaluationPhases.COMPILE, null);
      io.compile(
          new CompileEvaluation(
              id,
              inference.jobId(),
              request.inference().job().resultsKey(),
              evaluation.jobId(),
              request.evaluator().job().resultsKey(),
              inference.generatedDatasetId(),
              v1));
      if (!v1) io.markSucceeded(new WorkflowRef(id));
      enter(EvaluationPhases.DONE, null);
      log.info("Workflow {} succeeded", id);
      return new EvaluationResult(id, WorkflowStatuses.SUCCEEDED, null);
    } catch (TemporalFailure e) {
      if (stopRequested()) return stopped(id);
      return failed(id, reason(e));
    } catch (RuntimeException e) {
      // a defect of this code: record it, rather than retry the workflow task for ever
      log.error("Workflow {}: unexpected failure", id, e);
      return failed(id, "Internal error of the evaluation workflow: " + e);
    }
  }

  /**
   * @param before must have completed before the job's child workflow starts
   */
  private JobResult runJob(
      EvaluationRequest request, EvaluationJob job, String role, Promise<Void> before) {
    JobRequest jobRequest = job.job();
    String phase =
        WorkflowJobRow.INFERENCE.equals(role)
            ? EvaluationPhases.INFERENCE
            : EvaluationPhases.EVALUATION;
    enter(phase, jobRequest.jobId());
    jobUnfinished = true;
    db.createJob(
        new CreateWorkflowJob(
            request.workflowId(),
            role,
            jobRequest.jobId(),
            job.name(),
            job.description(),
            jobRequest.jobType(),
            jobRequest.datasetId(),
            request.experimentId(),
            jobRequest.configJson(),
            job.requestJson(),
            jobRequest.secretName()));
    before.get();
    jobStatus = JobStatuses.CREATED;
    JobWorkflow child =
        Workflow.newChildWorkflowStub(
            JobWorkflow.class, EvaluationWorkflows.jobOptions(request, jobRequest));
    Promise<JobResult> result = Async.function(child::run, jobRequest);
    JobResult ended = result.get();
    jobUnfinished = false;
    jobStatus = ended.status();
    log.info(
        "Workflow {}: {} job {} ended {}",
        request.workflowId(),
        role,
        jobRequest.jobId(),
        ended.status());
    return ended;
  }

  /** A failed job's reason can carry pages of Ray's log tail; the workflow keeps the start. */
  static final int MAX_REASON_CHARS = 2000;

  private static String ended(String what, JobResult job) {
    String reason = job.failureReason() != null ? job.failureReason() : "no reason given";
    String text = what + " job " + job.jobId() + " " + job.status() + ": " + reason;
    if (text.length() <= MAX_REASON_CHARS) return text;
    return text.substring(0, MAX_REASON_CHARS)
        + " [... see GET /api/v1/workflows/{id}/logs for the rest]";
  }

  private static boolean stopRequested() {
    return CancellationScope.current().isCancelRequested();
  }

  /** Records "stopped by user", then ends the workflow as cancelled. */
  private EvaluationResult stopped(String id) {
    log.info("Workflow {} stopped on request", id);
    detached(
        () -> {
          closeUnfinishedJob(JobStatuses.STOPPED, "Stopped on request");
          db.markFailed(new WorkflowFailure(id, STOPPED_BY_USER));
        });
    throw new CanceledFailure(STOPPED_BY_USER);
  }

  private EvaluationResult failed(String id, String reason) {
    log.warn("Workflow {} failed: {}", id, reason);
    detached(
        () -> {
          closeUnfinishedJob(JobStatuses.FAILED, reason);
          db.markFailed(new WorkflowFailure(id, reason));
        });
    return new EvaluationResult(id, WorkflowStatuses.FAILED, reason);
  }

  /**
   * A job row whose child never returned (its start or the row's link failed, or the stop came
   * before the child ran) must not stay created: record it ended. The job row's own guards keep an
   * outcome the child did record.
   */
  private void closeUnfinishedJob(String status, String reason) {
    if (!jobUnfinished || jobId == null) return;
    try {
      jobs.recordOutcome(new RecordJobOutcome(jobId, status, null, reason, null));
    } catch (ActivityFailure e) {
      log.info("Job {} not recorded {}: {}", jobId, status, reason(e));
    }
    jobUnfinished = false;
  }

  /** Runs even while the workflow is being cancelled, so the outcome is always recorded. */
  private void detached(Runnable work) {
    Workflow.newDetachedCancellationScope(work).run();
    enter(EvaluationPhases.DONE, null);
  }

  private void enter(String phase, String jobId) {
    this.phase = phase;
    this.jobId = jobId;
    this.jobStatus = null;
    this.done = -1;
    this.total = -1;
  }

  private static String reason(TemporalFailure e) {
    Throwable t = e;
    while (t.getCause() != null
        && t instanceof TemporalFailure
        && !(t instanceof ApplicationFailure)) t = t.getCause();
    if (t instanceof ApplicationFailure af) return af.getOriginalMessage();
    return t instanceof TemporalFailure tf ? tf.getOriginalMessage() : String.valueOf(t);
  }

  @Override
  public EvaluationState state() {
    return new EvaluationState(phase, jobId, jobStatus, done, total);
  }

  @Override
  public void jobObserved(EvaluationJobObservation o) {
    if (o.jobId() == null || !o.jobId().equals(jobId)) return;
    if (o.status() != null && !JobStatuses.isTerminal(jobStatus)) {
      jobStatus = o.status();
      if (EvaluationPhases.INFERENCE.equals(phase) && JobStatuses.SUCCEEDED.equals(o.status())) {
        phase = EvaluationPhases.INGEST_PREDICTIONS;
      }
    }
    if (o.done() >= 0) {
      done = o.done();
      total = o.total();
    }
  }
}
