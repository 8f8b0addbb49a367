package ai.lumigator.activities.jobs;

import ai.lumigator.activities.ray.RayJobDetails;
import java.util.Optional;

/**
 * What the await activity reports about a job while it waits on Ray, so that the database shows
 * each transition as it happens rather than when the job ends.
 */
public interface JobObserver {

  /** Observes nothing (jobs without a row, e.g. the smoke workflow's). */
  JobObserver NONE =
      new JobObserver() {
        @Override
        public void statusChanged(String jobId, RayJobDetails job) {}

        @Override
        public Optional<JobProgress> readProgress(String jobId) {
          return Optional.empty();
        }

        @Override
        public void progressChanged(String jobId, JobProgress progress) {}
      };

  /** Ray reports a status other than the last one seen (any status, terminal ones included). */
  void statusChanged(String jobId, RayJobDetails job);

  /** The progress the job program last published, if any. */
  Optional<JobProgress> readProgress(String jobId);

  /** The published progress differs from the last one seen. */
  void progressChanged(String jobId, JobProgress progress);

  /**
   * The progress seen once Ray reports the job ended. Observers that notify workflows need not: the
   * job's workflow learns of the end from the wait itself, moments later.
   */
  default void finalProgress(String jobId, JobProgress progress) {
    progressChanged(jobId, progress);
  }
}
