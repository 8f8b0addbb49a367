package ai.lumigator.activities.jobs;

/**
 * Where a job's provider key waits for the job program, instead of Ray's job environment (which
 * Ray's job table, dashboard and runtime-env log show): the program reads it once and removes it
 * ({@code ai.lumigator.jobs.JobSecret}); the worker removes it too when the job ends.
 */
public interface JobSecretDrop {
  /** Stores the key for the job; returns the address the job reads it from. */
  String put(String submissionId, String value);

  /** Removes the job's key if it is still there. */
  void remove(String submissionId);

  /** For workers that hand no secrets to jobs (tests): refuses to store one. */
  JobSecretDrop NONE =
      new JobSecretDrop() {
        @Override
        public String put(String submissionId, String value) {
          throw new IllegalStateException("no store for job secrets is configured");
        }

        @Override
        public void remove(String submissionId) {}
      };
}
