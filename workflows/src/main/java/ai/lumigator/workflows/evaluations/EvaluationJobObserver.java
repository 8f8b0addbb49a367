package ai.lumigator.workflows.evaluations;

import ai.lumigator.activities.jobs.JobObserver;
import ai.lumigator.activities.jobs.JobProgress;
import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.workflows.WorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes everything to the job observer it wraps (row and job workflow), and also tells the
 * evaluation workflow that ran the job, if one did, so that its query reports the running job's
 * status and progress. Every status change is signalled (Ray's terminal success is how the workflow
 * learns that the predictions are being stored); progress at most once per {@code
 * minSignalInterval} per job, the final count always. A failed signal is logged, never fatal.
 */
public class EvaluationJobObserver implements JobObserver {
  private static final Logger log = LoggerFactory.getLogger(EvaluationJobObserver.class);

  private final JobObserver delegate;
  private final Function<String, Optional<String>> workflowOfJob;
  private final WorkflowClient client;
  private final Clock clock;
  private final Duration minSignalInterval;
  private final Map<String, Optional<String>> workflows = new ConcurrentHashMap<>();
  private final Map<String, Long> lastSignal = new ConcurrentHashMap<>();

  /**
   * @param workflowOfJob the Lumigator workflow that ran a job (from {@code workflow_jobs})
   */
  public EvaluationJobObserver(
      JobObserver delegate,
      Function<String, Optional<String>> workflowOfJob,
      WorkflowClient client,
      Clock clock,
      Duration minSignalInterval) {
    this.delegate = delegate;
    this.workflowOfJob = workflowOfJob;
    this.client = client;
    this.clock = clock;
    this.minSignalInterval = minSignalInterval;
  }

  @Override
  public void statusChanged(String jobId, RayJobDetails job) {
    delegate.statusChanged(jobId, job);
    String status = job.status().name().toLowerCase(Locale.ROOT);
    signal(jobId, new EvaluationJobObservation(jobId, status, -1, -1));
    if (job.status().isTerminal()) {
      lastSignal.remove(jobId);
      workflows.remove(jobId);
    }
  }

  @Override
  public Optional<JobProgress> readProgress(String jobId) {
    return delegate.readProgress(jobId);
  }

  /** Recorded, not signalled: the workflow hears of the end from the wait. */
  @Override
  public void finalProgress(String jobId, JobProgress progress) {
    delegate.finalProgress(jobId, progress);
  }

  @Override
  public void progressChanged(String jobId, JobProgress progress) {
    delegate.progressChanged(jobId, progress);
    long now = clock.millis();
    Long last = lastSignal.get(jobId);
    boolean complete = progress.total() > 0 && progress.done() >= progress.total();
    if (complete || last == null || now - last >= minSignalInterval.toMillis()) {
      lastSignal.put(jobId, now);
      signal(jobId, new EvaluationJobObservation(jobId, null, progress.done(), progress.total()));
    }
  }

  private void signal(String jobId, EvaluationJobObservation observation) {
    Optional<String> workflowId;
    try {
      workflowId = workflows.computeIfAbsent(jobId, workflowOfJob);
    } catch (RuntimeException e) {
      log.warn("Could not look up the workflow of job {}: {}", jobId, e.getMessage());
      return;
    }
    if (workflowId.isEmpty()) return;
    try {
      client
          .newUntypedWorkflowStub(WorkflowIds.evaluation(workflowId.get()))
          .signal("jobObserved", observation);
    } catch (RuntimeException e) {
      log.warn(
          "Could not signal workflow {} about job {}: {}", workflowId.get(), jobId, e.getMessage());
    }
  }
}
