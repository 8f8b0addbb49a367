package ai.lumigator.activities.jobs;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The database and S3 side of a job's end: logs, result summary, generated dataset, final status.
 * Runs on the I/O task queue. Every method is idempotent (a retry writes the same values).
 */
@ActivityInterface
public interface JobActivities {

  /** Fetches the job's driver logs from Ray and stores them in the job's row. */
  @ActivityMethod
  void saveLogs(SaveJobLogs request);

  /**
   * Reads the job's results.json and stores its summary (no per-sample arrays) in the row. False
   * when the job wrote no results object.
   */
  @ActivityMethod
  boolean saveResult(SaveJobResult request);

  /**
   * Builds the CSV of a dataset from the job's results.json (examples, ground truth, outputs) at
   * the request's staging key, for the dataset ingest workflow to pick up.
   */
  @ActivityMethod
  GeneratedCsv writeGeneratedCsv(WriteGeneratedCsv request);

  /** Links the dataset a job generated to the job. */
  @ActivityMethod
  void recordGeneratedDataset(RecordGeneratedDataset request);

  /** Records the job's terminal status, Ray's final details and a failure reason, if any. */
  @ActivityMethod
  void recordOutcome(RecordJobOutcome request);
}
