package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.cache.CacheLookup;
import ai.lumigator.activities.cache.CacheLookupResult;
import ai.lumigator.activities.cache.CacheStore;
import ai.lumigator.activities.cache.InferenceCacheActivities;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.jobs.AwaitRayJob;
import ai.lumigator.activities.jobs.GeneratedCsv;
import ai.lumigator.activities.jobs.JobActivities;
import ai.lumigator.activities.jobs.RayJobActivities;
import ai.lumigator.activities.jobs.RayJobOutcome;
import ai.lumigator.activities.jobs.RayJobSubmission;
import ai.lumigator.activities.jobs.RecordGeneratedDataset;
import ai.lumigator.activities.jobs.RecordJobOutcome;
import ai.lumigator.activities.jobs.SaveJobLogs;
import ai.lumigator.activities.jobs.SaveJobResult;
import ai.lumigator.activities.jobs.WriteGeneratedCsv;
import ai.lumigator.persistence.jobs.JobStatuses;
import ai.lumigator.workflows.ActivityStubs;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.datasets.DatasetIngestWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class JobWorkflowImpl implements JobWorkflow {
  private static final Logger log = Workflow.getLogger(JobWorkflowImpl.class);

  private final RayJobActivities ray =
      ActivityStubs.raySubmitCompletingOnCancel(RayJobActivities.class);
  private final JobActivities io = ActivityStubs.io(JobActivities.class);
  private final JobActivities localDb = ActivityStubs.localDatabase(JobActivities.class);

  /** The cache is an optimisation: S3 trouble past this window makes a miss, not a stuck job. */
  static final Duration CACHE_STEP_WINDOW = Duration.ofMinutes(1);

  private final InferenceCacheActivities cache =
      ActivityStubs.ioWithin(InferenceCacheActivities.class, CACHE_STEP_WINDOW);

  private String status = JobStatuses.CREATED;
  private long done = -1;
  private long total = -1;

  /**
   * Version 1 looks an inference job's cache key up before Ray (a hit skips Ray: its results come
   * from the cache) and keeps the predictions of a job that succeeded on Ray under its key. Only
   * jobs whose request has a cache key ask for the version.
   */
  static final String INFERENCE_CACHE = "inference-cache";

  /** Whether this run reads and writes the inference cache: decided once, first thing. */
  private boolean cached;

  @Override
  public JobResult run(JobRequest request) {
    String jobId = request.jobId();
    submissionId = jobId;
    cached =
        request.cache() != null
            && Workflow.getVersion(INFERENCE_CACHE, Workflow.DEFAULT_VERSION, 1)
                != Workflow.DEFAULT_VERSION;
    if (cached) {
      CacheLookupResult hit;
      try {
        hit = lookUp(request);
      } catch (CanceledFailure e) {
        return stopped(jobId);
      }
      if (hit.hit()) return detached(() -> servedFromCache(request, hit));
    }
    RayJobActivities rayAwait =
        ActivityStubs.rayAwait(
            RayJobActivities.class,
            Duration.ofSeconds(request.timeoutSeconds()),
            Duration.ofSeconds(request.heartbeatTimeoutSeconds()));
    RayJobOutcome outcome;
    try {
      ray.submit(
          new RayJobSubmission(
              jobId,
              request.command(),
              request.configJson(),
              metadata(request),
              request.secretName(),
              request.timeoutSeconds()));
      if (JobStatuses.CREATED.equals(status)) status = JobStatuses.PENDING;
      long deadline = Workflow.currentTimeMillis() + request.timeoutSeconds() * 1000;
      outcome = rayAwait.await(new AwaitRayJob(jobId, jobId, deadline));
      for (int attempt = 1; attempt <= MAX_RESUMES && resumable(request, outcome); attempt++) {
        outcome = resubmit(request, rayAwait, outcome, attempt, deadline);
      }
    } catch (CanceledFailure e) {
      return stopped(jobId);
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure) return stopped(jobId);
      // submit refused (bad secret, Ray rejected the job) or the Ray job vanished
      String reason = reason(e);
      log.warn("Job {} failed before it ended on Ray: {}", jobId, reason);
      return detached(
          () -> {
            saveLogsQuietly(jobId);
            return finish(jobId, JobStatuses.FAILED, null, reason, null);
          });
    }
    // From here on the job's true outcome is known: a late stop must not disturb recording it.
    RayJobOutcome ended = outcome;
    return detached(() -> afterRay(request, ended));
  }

  /**
   * Version 1 resubmits an inference job whose program's process was killed ({@link
   * RayJobOutcome#processKilled}) as {@link #resumeSubmissionId}, at most {@link #MAX_RESUMES}
   * times and within the job's one deadline; the program resumes from the chunks of samples it kept
   * in S3. A program that failed by itself (provider, bad input) is not resubmitted. Asked only
   * when a kill is seen, so histories without one do not change.
   */
  static final String RESUME_KILLED = "resume-killed-inference";

  static final int MAX_RESUMES = 2;

  /** The Ray job currently running this job: the job id, or its latest resubmission's id. */
  private String submissionId;

  /** Ray's submission id of the {@code attempt}-th resubmission of a job. */
  static String resumeSubmissionId(String jobId, int attempt) {
    return jobId + "-retry-" + attempt;
  }

  private static boolean resumable(JobRequest request, RayJobOutcome outcome) {
    return "inference".equals(request.command()) && outcome.processKilled();
  }

  private RayJobOutcome resubmit(
      JobRequest request,
      RayJobActivities rayAwait,
      RayJobOutcome killed,
      int attempt,
      long deadline) {
    if (Workflow.getVersion(RESUME_KILLED, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return killed;
    }
    String jobId = request.jobId();
    String next = resumeSubmissionId(jobId, attempt);
    log.warn(
        "Job {}: Ray job {} ended {} ({}); resubmitting it as {} to resume from its chunks",
        jobId,
        killed.submissionId(),
        killed.status(),
        firstLine(killed.message()),
        next);
    submissionId = next;
    ray.submit(
        new RayJobSubmission(
            next,
            request.command(),
            request.configJson(),
            metadata(request),
            request.secretName(),
            request.timeoutSeconds(),
            jobId));
    return rayAwait.await(new AwaitRayJob(next, jobId, deadline));
  }

  /** Ray's message up to its first comma (the rest is the program's last logs). */
  private static String firstLine(String message) {
    if (message == null) return null;
    int cut = message.indexOf(',');
    return cut > 0 ? message.substring(0, cut) : message;
  }

  /** Runs to the end even when the workflow is being cancelled. */
  private static JobResult detached(Supplier<JobResult> work) {
    JobResult[] result = new JobResult[1];
    Workflow.newDetachedCancellationScope(() -> result[0] = work.get()).run();
    return result[0];
  }

  /**
   * Version 1 saves the logs while the results and the generated dataset are stored, and records
   * the dataset link with the outcome: fewer round trips between Ray's end and the job's.
   */
  static final String PARALLEL_STEPS_AFTER_RAY = "parallel-steps-after-ray";

  private JobResult afterRay(JobRequest request, RayJobOutcome outcome) {
    int version = Workflow.getVersion(PARALLEL_STEPS_AFTER_RAY, Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) return afterRaySequentially(request, outcome);
    String jobId = request.jobId();
    Promise<Void> logs = Async.procedure(() -> saveLogsQuietly(jobId));
    if (outcome.timedOut() || !outcome.succeeded()) {
      logs.get();
      return unsuccessful(request, outcome);
    }
    JobResult result = resultsAndDataset(request, outcome, logs);
    if (cached && JobStatuses.SUCCEEDED.equals(result.status())) keepInCache(request);
    return result;
  }

  /**
   * Stores the result summary and the generated dataset, then the outcome: succeeded, or failed
   * when there are no results or the dataset could not be stored.
   *
   * @param outcome Ray's end, or null for a job served from the cache
   * @param logs completes when the logs are saved
   */
  private JobResult resultsAndDataset(
      JobRequest request, RayJobOutcome outcome, Promise<Void> logs) {
    String jobId = request.jobId();
    Promise<Boolean> saved =
        Async.function(io::saveResult, new SaveJobResult(jobId, request.resultsKey()));
    Promise<String> dataset =
        request.generatedDataset() == null
            ? Workflow.newPromise(null)
            : Async.function(() -> storeDataset(request, false));
    boolean hasResults = saved.get();
    String datasetId = null;
    String datasetFailure = null;
    try {
      datasetId = dataset.get();
    } catch (ActivityFailure | ChildWorkflowFailure e) {
      datasetFailure = reason(e);
    }
    logs.get();
    if (!hasResults) return noResults(request, outcome);
    if (datasetFailure != null) {
      return finish(
          jobId,
          JobStatuses.FAILED,
          outcome,
          "Storing the generated dataset failed: " + datasetFailure,
          null);
    }
    return finish(jobId, JobStatuses.SUCCEEDED, outcome, null, datasetId);
  }

  /** A cache miss (or any trouble with the cache) runs the job on Ray. */
  private CacheLookupResult lookUp(JobRequest request) {
    try {
      return cache.lookup(
          new CacheLookup(
              request.jobId(),
              request.cache().key(),
              request.cache().useCache(),
              request.resultsKey(),
              request.configJson()));
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof CanceledFailure c) throw c;
      log.warn("Job {}: inference cache not read, running on Ray: {}", request.jobId(), reason(e));
      return CacheLookupResult.miss();
    }
  }

  /** The job's results.json holds the cached predictions: the rest of a job's end, without Ray. */
  private JobResult servedFromCache(JobRequest request, CacheLookupResult hit) {
    log.info(
        "Job {} served from the inference cache (predictions of job {})",
        request.jobId(),
        hit.sourceJobId());
    status = JobStatuses.RUNNING;
    return resultsAndDataset(request, null, Workflow.newPromise(null));
  }

  private void keepInCache(JobRequest request) {
    try {
      cache.store(
          new CacheStore(
              request.jobId(), request.cache().key(), request.resultsKey(), request.datasetId()));
    } catch (ActivityFailure e) {
      log.warn(
          "Job {}: predictions not kept in the inference cache: {}", request.jobId(), reason(e));
    }
  }

  /** Version 0: logs, results, generated dataset and its link, outcome, one after the other. */
  private JobResult afterRaySequentially(JobRequest request, RayJobOutcome outcome) {
    String jobId = request.jobId();
    saveLogsQuietly(jobId);
    if (outcome.timedOut() || !outcome.succeeded()) return unsuccessful(request, outcome);
    if (!io.saveResult(new SaveJobResult(jobId, request.resultsKey()))) {
      return noResults(request, outcome);
    }
    String datasetId = null;
    if (request.generatedDataset() != null) {
      try {
        datasetId = storeDataset(request, true);
      } catch (ActivityFailure | ChildWorkflowFailure e) {
        return finish(
            jobId,
            JobStatuses.FAILED,
            outcome,
            "Storing the generated dataset failed: " + reason(e),
            null);
      }
    }
    return finish(jobId, JobStatuses.SUCCEEDED, outcome, null, datasetId);
  }

  private JobResult noResults(JobRequest request, RayJobOutcome outcome) {
    return finish(
        request.jobId(),
        JobStatuses.FAILED,
        outcome,
        "The job ended without writing its results to " + request.resultsKey(),
        null);
  }

  private JobResult unsuccessful(JobRequest request, RayJobOutcome outcome) {
    String jobId = request.jobId();
    if (outcome.timedOut()) {
      return finish(
          jobId,
          JobStatuses.STOPPED,
          outcome,
          "Job exceeded its timeout of " + request.timeoutSeconds() + " s and was stopped",
          null);
    }
    String rayStatus = outcome.status();
    String status = JobStatuses.STOPPED.equals(rayStatus) ? rayStatus : JobStatuses.FAILED;
    String reason =
        outcome.message() != null ? outcome.message() : "Ray job ended " + outcome.status();
    return finish(jobId, status, outcome, reason, null);
  }

  /**
   * @param linkNow version 0 links the dataset to the job in its own step; version 1 leaves the
   *     link to the outcome's record
   */
  private String storeDataset(JobRequest request, boolean linkNow) {
    String jobId = request.jobId();
    GeneratedDatasetSpec spec = request.generatedDataset();
    String datasetId = JobWorkflow.generatedDatasetId(jobId);
    DatasetIngestRequest ingestRequest;
    if (Workflow.getVersion(DATASET_FROM_RESULTS, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      GeneratedCsv csv =
          io.writeGeneratedCsv(
              new WriteGeneratedCsv(
                  jobId,
                  request.resultsKey(),
                  spec.outputField(),
                  "jobs/outputs/" + jobId + "/" + spec.filename()));
      ingestRequest =
          new DatasetIngestRequest(
              datasetId,
              csv.stagingKey(),
              spec.filename(),
              csv.sizeBytes(),
              jobId,
              spec.generatedBy(),
              true);
    } else {
      ingestRequest =
          DatasetIngestRequest.fromJobResults(
              datasetId,
              request.resultsKey(),
              spec.outputField(),
              spec.filename(),
              jobId,
              spec.generatedBy());
    }
    DatasetIngestWorkflow ingest =
        Workflow.newChildWorkflowStub(
            DatasetIngestWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.datasetIngest(datasetId))
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .build());
    String ingested = ingest.ingest(ingestRequest);
    if (linkNow) io.recordGeneratedDataset(new RecordGeneratedDataset(jobId, ingested));
    return ingested;
  }

  /**
   * Version 1 lets the ingest child build the dataset's CSV from the job's results.json itself,
   * instead of a step that writes a staged CSV for it to read back and delete.
   */
  static final String DATASET_FROM_RESULTS = "dataset-from-results";

  /** The id of the dataset a job generates: derived from the job id, so a retry finds it again. */
  private JobResult stopped(String jobId) {
    log.info("Job {} cancelled; recording it stopped", jobId);
    return detached(
        () -> {
          // the await stops the Ray job when cancelled; this covers a cancel during submit
          try {
            ray.stop(submissionId);
          } catch (ActivityFailure e) {
            log.info("Ray had nothing to stop for job {} ({}): {}", jobId, submissionId, reason(e));
          }
          saveLogsQuietly(jobId);
          return finish(jobId, JobStatuses.STOPPED, null, "Stopped on request", null);
        });
  }

  /**
   * Version 1 records the job's outcome as a local activity: the workflow ends in the workflow task
   * that learned the outcome instead of one round trip later.
   */
  static final String LOCAL_OUTCOME = "local-outcome";

  private JobResult finish(
      String jobId, String status, RayJobOutcome outcome, String reason, String datasetId) {
    JobActivities db =
        Workflow.getVersion(LOCAL_OUTCOME, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
            ? io
            : localDb;
    db.recordOutcome(new RecordJobOutcome(jobId, status, outcome, reason, datasetId));
    this.status = status;
    return new JobResult(jobId, status, reason, datasetId);
  }

  private void saveLogsQuietly(String jobId) {
    try {
      io.saveLogs(new SaveJobLogs(jobId, submissionId)); // a resubmitted job: the last run's
    } catch (ActivityFailure e) {
      log.warn("Logs of job {} not saved: {}", jobId, reason(e));
    }
  }

  private static Map<String, String> metadata(JobRequest request) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("job_type", request.jobType());
    m.put("job_id", request.jobId());
    return m;
  }

  private static String reason(TemporalFailure e) {
    Throwable t = e;
    while (t.getCause() != null
        && t instanceof TemporalFailure
        && !(t instanceof ApplicationFailure)) t = t.getCause();
    if (t instanceof ApplicationFailure af) return af.getOriginalMessage();
    return t instanceof TemporalFailure tf ? tf.getOriginalMessage() : t.getMessage();
  }

  @Override
  public JobState state() {
    return new JobState(status, done, total);
  }

  @Override
  public void observe(JobObservation observation) {
    if (observation.status() != null && !JobStatuses.isTerminal(status)) {
      status = observation.status();
    }
    if (observation.done() >= 0) {
      done = observation.done();
      total = observation.total();
    }
  }
}
