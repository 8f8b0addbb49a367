package ai.lumigator.workflows.smoke;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Replays a history recorded from a real run (SmokeWorkflowStackTest writes a fresh one to
 * target/histories) against the current code: a non-deterministic change fails here first.
 */
class SmokeWorkflowReplayTest {
  @Test
  void recordedHistoryReplaysAgainstTheCurrentCode() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("histories/smoke.json"), SmokeWorkflowImpl.class);
  }

  static File history(String resource) throws URISyntaxException {
    return new File(
        Objects.requireNonNull(
                SmokeWorkflowReplayTest.class.getClassLoader().getResource(resource), resource)
            .toURI());
  }
}
