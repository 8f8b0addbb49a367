package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.jobs.JobObserver;
import ai.lumigator.activities.jobs.JobProgress;
import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.workflows.WorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the wait on Ray sees (the delegate writes the row) and tells the job's workflow, so
 * its query answers too. Progress signals are throttled to one per {@code minSignalInterval} per
 * job (the final count always goes through), keeping a long job's history short; a failed signal is
 * logged, never fatal: the row is the truth.
 */
public class SignallingJobObserver implements JobObserver {
  private static final Logger log = LoggerFactory.getLogger(SignallingJobObserver.class);

  private final JobObserver delegate;
  private final WorkflowClient client;
  private final Clock clock;
  private final Duration minSignalInterval;
  private final Map<String, Long> lastSignal = new ConcurrentHashMap<>();

  public SignallingJobObserver(
      JobObserver delegate, WorkflowClient client, Clock clock, Duration minSignalInterval) {
    this.delegate = delegate;
    this.client = client;
    this.clock = clock;
    this.minSignalInterval = minSignalInterval;
  }

  @Override
  public void statusChanged(String jobId, RayJobDetails job) {
    delegate.statusChanged(jobId, job);
    if (job.status().isTerminal()) {
      lastSignal.remove(jobId);
    } else if (job.status() == RayJobStatus.PENDING || job.status() == RayJobStatus.RUNNING) {
      signal(jobId, new JobObservation(job.status().name().toLowerCase(Locale.ROOT), -1, -1));
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
      signal(jobId, new JobObservation(null, progress.done(), progress.total()));
    }
  }

  private void signal(String jobId, JobObservation observation) {
    try {
      client.newUntypedWorkflowStub(WorkflowIds.job(jobId)).signal("observe", observation);
    } catch (RuntimeException e) {
      log.warn("Could not signal the workflow of job {}: {}", jobId, e.getMessage());
    }
  }
}
