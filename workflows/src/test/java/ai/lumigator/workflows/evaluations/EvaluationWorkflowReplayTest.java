package ai.lumigator.workflows.evaluations;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from real runs (the API module's WorkflowsStackTest writes fresh ones
 * to api/target/histories): a workflow that succeeded, one whose inference job timed out, and one
 * stopped while its inference job ran (force delete); each recorded before (no version marker),
 * after (-v1) the "fewer-steps" change and after (-v2) the "local-db-steps" change.
 */
class EvaluationWorkflowReplayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/evaluation.json",
        "histories/evaluation-timeout.json",
        "histories/evaluation-stopped.json",
        "histories/evaluation-v1.json",
        "histories/evaluation-timeout-v1.json",
        "histories/evaluation-stopped-v1.json",
        "histories/evaluation-v2.json",
        "histories/evaluation-timeout-v2.json",
        "histories/evaluation-stopped-v2.json"
      })
  void recordedHistoryReplaysAgainstTheCurrentCode(String resource) throws Exception {
    File history =
        new File(
            Objects.requireNonNull(getClass().getClassLoader().getResource(resource), resource)
                .toURI());
    WorkflowReplayer.replayWorkflowExecution(history, EvaluationWorkflowImpl.class);
  }
}
