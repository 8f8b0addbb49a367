package ai.lumigator.workflows.deletions;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded deletion histories against the current code: an experiment's on the in-memory
 * server (plan, stop its running workflow and job, plan again, objects, rows; DeletionWorkflowTest
 * writes a fresh one to target/histories) and one of the real server's, of an experiment whose
 * inference job ran on Ray (DeletionStackTest in the api module writes it).
 */
class DeletionWorkflowReplayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/deletion-experiment.json",
        "histories/deletion-experiment-running.json"
      })
  void recordedHistoryReplaysAgainstTheCurrentCode(String resource) throws Exception {
    File history =
        new File(
            Objects.requireNonNull(getClass().getClassLoader().getResource(resource), resource)
                .toURI());
    WorkflowReplayer.replayWorkflowExecution(history, DeletionWorkflowImpl.class);
  }
}
