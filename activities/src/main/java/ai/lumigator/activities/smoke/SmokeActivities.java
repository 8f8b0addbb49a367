package ai.lumigator.activities.smoke;

import io.temporal.activity.ActivityInterface;

/** I/O of the foundation smoke workflow: S3 in, S3 out, one row through JDBI. */
@ActivityInterface
public interface SmokeActivities {

  /** Writes the input text to {@code smoke/{runId}/input.txt}; returns its s3:// URI. */
  String writeInput(SmokeRequest request);

  /** The smoke job's config: input and output URIs derived from the run id. */
  String jobConfig(String runId);

  /** Reads {@code smoke/{runId}/output.txt}, written by the Ray job. */
  String readOutput(String runId);

  /** Records the run (idempotent on the run id). */
  void record(SmokeRecord record);
}
