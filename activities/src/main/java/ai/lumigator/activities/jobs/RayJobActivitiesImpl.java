package ai.lumigator.activities.jobs;

import ai.lumigator.activities.ray.RayException;
import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.ray.RayPackages;
import ai.lumigator.activities.ray.RaySubmitRequest;
import ai.lumigator.activities.ray.RaySubmitResult;
import ai.lumigator.jobs.JobEnv;
import ai.lumigator.jobs.storage.S3ObjectStore;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class RayJobActivitiesImpl implements RayJobActivities {
  private static final Logger log = LoggerFactory.getLogger(RayJobActivitiesImpl.class);

  /** How long to wait for Ray to confirm a stop before reporting the job as it stands. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final RayJobsClient client;
  private final RayPackages packages;
  private final RayJobSettings settings;
  private final SecretResolver secrets;
  private final JobSecretDrop secretDrop;
  private final JobObserver observer;
  private final QueuedJobWakeups queue = new QueuedJobWakeups();

  public RayJobActivitiesImpl(
      RayJobsClient client, RayPackages packages, RayJobSettings settings, SecretResolver secrets) {
    this(client, packages, settings, secrets, JobSecretDrop.NONE, JobObserver.NONE);
  }

  /**
   * @param secretDrop where a job's provider key waits for it (never Ray's job environment)
   * @param observer told of each status change and progress update of an awaited job that has a job
   *     id (the database row's writer)
   */
  public RayJobActivitiesImpl(
      RayJobsClient client,
      RayPackages packages,
      RayJobSettings settings,
      SecretResolver secrets,
      JobSecretDrop secretDrop,
      JobObserver observer) {
    this.client = client;
    this.packages = packages;
    this.settings = settings;
    this.secrets = secrets;
    this.secretDrop = secretDrop;
    this.observer = observer;
  }

  @Override
  public RayJobHandle submit(RayJobSubmission submission) {
    String id = submission.submissionId();
    String entrypoint =
        Entrypoints.of(
            settings.javaOptions(),
            submission.command(),
            submission.configJson(),
            settings.classDataSharing());
    RaySubmitRequest.Builder request =
        RaySubmitRequest.builder(entrypoint)
            .submissionId(id)
            .envVar("MZAI_JOB_ID", submission.programJobId())
            // an object store down when the job starts is waited out, not a failed job
            .envVar(
                S3ObjectStore.ENV_RETRY_WINDOW,
                String.valueOf(settings.s3RetryWindow().toSeconds()));
    if (submission.timeoutSeconds() != null) {
      // and its results wait for the store as long as the job may run
      request.envVar(S3ObjectStore.ENV_JOB_TIMEOUT, String.valueOf(submission.timeoutSeconds()));
    }
    if (settings.numCpus() > 0) request.numCpus(settings.numCpus());
    if (submission.metadata() != null) submission.metadata().forEach(request::metadata);
    if (submission.secretName() != null) {
      Optional<String> value = secrets.valueOf(submission.secretName());
      if (value.isEmpty()) {
        // an earlier attempt may have submitted the job before the secret went away
        Optional<RayJobDetails> existing = rayCall(() -> client.get(id));
        if (existing.isPresent()) return adopted(id, existing.get());
        throw ApplicationFailure.newNonRetryableFailure(
            "Requested secret key '" + submission.secretName() + "' is not configured.",
            "SecretNotConfigured");
      }
      // Ray shows a job's environment to anyone who can read its job table or logs: the job gets
      // only the address of its key, and reads it with the cluster's own S3 credentials
      request.envVar(JobEnv.SECRET_REF, secretDrop.put(id, value.get()));
    }
    request.workingDir(rayCall(() -> packages.ensureJobsJarUploaded(settings.jobsJar())));
    // No lookup first: a retried submit whose job Ray already has is refused and adopted by the
    // client, so the common case (a new job) costs Ray one request less.
    RaySubmitResult result = rayCall(() -> client.submit(request.build()));
    if (result.adopted()) return adopted(id, result.existing().orElseThrow());
    log.info("Ray job {} submitted", id);
    return new RayJobHandle(id, entrypoint, false);
  }

  private static RayJobHandle adopted(String id, RayJobDetails job) {
    log.info("Ray job {} already submitted; adopting it", id);
    return new RayJobHandle(id, job.entrypoint(), true);
  }

  @Override
  public RayJobOutcome await(AwaitRayJob request) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    String id = request.submissionId();
    String jobId = request.jobId();
    String lastStatus = ctx.getHeartbeatDetails(String.class).orElse(null);
    if (lastStatus != null)
      log.info("Resuming the wait for Ray job {} (last seen {})", id, lastStatus);
    JobProgress lastProgress = null;
    long changedAt = System.nanoTime();
    long progressReadAt = 0;
    long ticket = QueuedJobWakeups.NONE; // place among the worker's waits for pending jobs
    try {
      while (true) {
        // queued before asking: an end signalled while Ray answers "pending" is not lost
        if (ticket == QueuedJobWakeups.NONE
            && (lastStatus == null || lastStatus.equals("pending"))) {
          ticket = queue.enqueue();
        }
        RayJobDetails job = current(id);
        String status = lower(job);
        if (!status.equals(lastStatus)) {
          log.info("Ray job {} is {}", id, status);
          if (jobId != null) observer.statusChanged(jobId, job);
          lastStatus = status;
          changedAt = System.nanoTime();
        }
        // progress is informative: read at most once per longest poll interval, and at the end;
        // a pending job has not started its program yet
        long now = System.nanoTime();
        if (jobId != null
            && job.status() != RayJobStatus.PENDING
            && (job.status().isTerminal()
                || progressReadAt == 0
                || now - progressReadAt >= settings.polls().max().toNanos())) {
          lastProgress = observeProgress(jobId, lastProgress, job.status().isTerminal());
          progressReadAt = now;
        }
        heartbeatOrStop(ctx, id, status);
        if (job.status().isTerminal()) {
          queue.jobEnded(ticket);
          return ended(job, false);
        }
        if (request.deadlineEpochMillis() > 0
            && System.currentTimeMillis() >= request.deadlineEpochMillis()) {
          log.info("Ray job {} passed its deadline; stopping it", id);
          RayJobDetails stopped = stopAndWait(ctx, id);
          queue.jobEnded(ticket);
          return ended(stopped, true);
        }
        Duration since = Duration.ofNanos(System.nanoTime() - changedAt);
        if (job.status() == RayJobStatus.PENDING) {
          awaitEndOrTimeout(ticket, settings.polls().nextWhilePending(since));
        } else {
          queue.leave(ticket);
          ticket = QueuedJobWakeups.NONE;
          sleep(settings.polls().next(since));
        }
      }
    } finally {
      queue.leave(ticket);
    }
  }

  @Override
  public boolean stop(String submissionId) {
    return rayCall(() -> client.stop(submissionId));
  }

  @Override
  public String logs(String submissionId) {
    return rayCall(() -> client.logs(submissionId)).orElse("");
  }

  /** Progress is informative: a failure to read or record it never fails the wait. */
  private JobProgress observeProgress(String jobId, JobProgress last, boolean ended) {
    try {
      var progress = observer.readProgress(jobId);
      if (progress.isPresent() && !progress.get().equals(last)) {
        if (ended) observer.finalProgress(jobId, progress.get());
        else observer.progressChanged(jobId, progress.get());
        return progress.get();
      }
    } catch (RuntimeException e) {
      log.warn("Could not update the progress of job {}: {}", jobId, e.getMessage());
    }
    return last;
  }

  private RayJobDetails current(String id) {
    return rayCall(() -> client.get(id))
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "Ray has no job " + id + " (was the Ray cluster restarted?)", "RayJobLost"));
  }

  private void heartbeatOrStop(ActivityExecutionContext ctx, String id, String status) {
    try {
      ctx.heartbeat(status);
    } catch (ActivityCanceledException e) {
      if (timedOutLocally(e)) {
        // The SDK reports heartbeats it could not deliver within the heartbeat timeout (Temporal
        // unreachable) as a cancellation whose cause is a heartbeat timeout. Nobody asked to stop:
        // the server retries this attempt once it is back, and that retry resumes the wait.
        log.info("Wait for Ray job {} lost Temporal; leaving the Ray job running", id);
        throw e;
      }
      log.info("Wait for Ray job {} cancelled; stopping the Ray job", id);
      stopQuietly(id);
      removeSecretQuietly(id);
      throw e;
    } catch (ActivityCompletionException e) {
      throw e; // timed out or gone: the retry resumes waiting, the Ray job keeps running
    }
  }

  static boolean timedOutLocally(ActivityCanceledException e) {
    return e.getCause() instanceof TimeoutFailure t
        && t.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_HEARTBEAT;
  }

  private RayJobDetails stopAndWait(ActivityExecutionContext ctx, String id) {
    stopQuietly(id);
    long stoppedAt = System.nanoTime();
    long until = System.currentTimeMillis() + STOP_GRACE.toMillis();
    RayJobDetails job = current(id);
    while (!job.status().isTerminal() && System.currentTimeMillis() < until) {
      ctx.heartbeat(lower(job));
      sleep(settings.polls().next(Duration.ofNanos(System.nanoTime() - stoppedAt)));
      job = current(id);
    }
    return job;
  }

  private void stopQuietly(String id) {
    try {
      client.stop(id);
    } catch (RuntimeException e) {
      log.warn("Could not stop Ray job {}: {}", id, e.getMessage());
    }
  }

  /** The job's outcome, once its key (if it had one and did not take it) is gone too. */
  private RayJobOutcome ended(RayJobDetails job, boolean timedOut) {
    removeSecretQuietly(job.submissionId());
    return outcome(job, timedOut);
  }

  private void removeSecretQuietly(String id) {
    try {
      secretDrop.remove(id);
    } catch (RuntimeException e) {
      log.warn("Could not remove the key of Ray job {}: {}", id, e.getMessage());
    }
  }

  private static RayJobOutcome outcome(RayJobDetails job, boolean timedOut) {
    return new RayJobOutcome(
        job.submissionId(),
        lower(job),
        job.message(),
        job.errorType(),
        job.startTime(),
        job.endTime(),
        job.driverExitCode(),
        timedOut);
  }

  private static String lower(RayJobDetails job) {
    return job.status().name().toLowerCase(Locale.ROOT);
  }

  private void awaitEndOrTimeout(long ticket, Duration timeout) {
    try {
      queue.await(ticket, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Ray", e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Ray", e);
    }
  }

  /** Ray 4xx answers are final; unreachable and 5xx are retried by Temporal. */
  private static <T> T rayCall(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RayException e) {
      if (e.isRetryable()) throw e;
      throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), "RayRejected", e);
    }
  }
}
