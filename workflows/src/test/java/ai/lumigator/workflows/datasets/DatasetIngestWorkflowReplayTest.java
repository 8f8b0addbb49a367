package ai.lumigator.workflows.datasets;

import io.temporal.testing.WorkflowReplayer;
import java.io.File;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from real runs (DatasetIngestWorkflowStackTest writes fresh ones to
 * target/histories; JobsStackTest in the api module the ingest of a job's results): an ingest that
 * succeeded and one whose content was invalid (clean-up path), before and after (-local-record) the
 * "local-record" change.
 */
class DatasetIngestWorkflowReplayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/dataset-ingest.json",
        "histories/dataset-ingest-invalid.json",
        "histories/dataset-ingest-from-results.json",
        "histories/dataset-ingest-local-record.json",
        "histories/dataset-ingest-from-results-local-record.json"
      })
  void recordedHistoryReplaysAgainstTheCurrentCode(String resource) throws Exception {
    File history =
        new File(
            Objects.requireNonNull(getClass().getClassLoader().getResource(resource), resource)
                .toURI());
    WorkflowReplayer.replayWorkflowExecution(history, DatasetIngestWorkflowImpl.class);
  }
}
