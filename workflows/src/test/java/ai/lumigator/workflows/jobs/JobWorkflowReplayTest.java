package ai.lumigator.workflows.jobs;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from real runs (JobsStackTest in the api module writes fresh ones to
 * api/target/histories) against the current JobWorkflowImpl: a non-deterministic change fails here.
 * Each case is recorded before (no version marker) and after (-v1) the "parallel-steps-after-ray"
 * change, and after the "local-outcome" change (job-inference-v2, job-store-to-dataset-v3).
 */
class JobWorkflowReplayTest {
  @Test
  void aBaselineInferenceJobReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-inference.json"), JobWorkflowImpl.class);
  }

  @Test
  void aJobThatStoredItsDatasetThroughTheChildIngestReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-store-to-dataset.json"), JobWorkflowImpl.class);
  }

  @Test
  void version1HistoriesReplay() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-inference-v1.json"), JobWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-store-to-dataset-v1.json"), JobWorkflowImpl.class);
  }

  @Test
  void historiesRecordingTheOutcomeAsALocalActivityReplay() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-inference-v2.json"), JobWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-store-to-dataset-v3.json"), JobWorkflowImpl.class);
  }

  @Test
  void aJobWhoseIngestBuiltTheDatasetFromItsResultsReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-store-to-dataset-v2.json"), JobWorkflowImpl.class);
  }

  /** Recorded by JobWorkflowTest: killed on Ray, resubmitted as {@code <job id>-retry-1}. */
  @Test
  void anInferenceJobResubmittedAfterItsProgramWasKilledReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/job-inference-resumed.json"), JobWorkflowImpl.class);
  }

  static File history(String resource) throws Exception {
    return new File(
        Objects.requireNonNull(
                JobWorkflowReplayTest.class.getClassLoader().getResource(resource), resource)
            .toURI());
  }
}
