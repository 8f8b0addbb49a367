package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.datasets.DatasetKeys;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Workflow id {@code job-{jobId}}. Runs one job on Ray to a true terminal state: submit
 * (idempotent), wait (status and progress recorded as they happen), then logs, result summary,
 * optional generated dataset (child {@code DatasetIngestWorkflow}) and the final status. An
 * inference job with a cache key looks it up first: a hit takes its results from the inference
 * cache and skips Ray; a job that succeeded on Ray keeps its predictions there. Cancelling it stops
 * the Ray job and ends the job {@code stopped}.
 */
@WorkflowInterface
public interface JobWorkflow {
  @WorkflowMethod
  JobResult run(JobRequest request);

  @QueryMethod
  JobState state();

  /** Sent by the worker's wait on Ray when it sees a new status or progress. */
  @SignalMethod
  void observe(JobObservation observation);

  /** The id of the dataset a job generates (predictions, annotations): derived from the job's. */
  static String generatedDatasetId(String jobId) {
    return DatasetKeys.generatedDatasetId(jobId);
  }
}
