package ai.lumigator.workflows.datasets;

import ai.lumigator.activities.datasets.CanonicalDataset;
import ai.lumigator.activities.datasets.DatasetIngestActivities;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.datasets.DatasetRecord;
import ai.lumigator.activities.datasets.InvalidDatasetException;
import ai.lumigator.workflows.ActivityStubs;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Canonicalise → record (a local activity from version 1 of "local-record" on) → delete staging. If
 * canonicalising or recording fails for good (invalid content, or storage still failing at the
 * deadline), everything the ingest may have written is discarded and the workflow fails: invalid
 * content with type {@link InvalidDatasetException#FAILURE_TYPE} and the client's message, anything
 * else with the type of the last underlying failure.
 */
public class DatasetIngestWorkflowImpl implements DatasetIngestWorkflow {
  /** Canonicalising and recording, retries included, must be done by then. */
  static final Duration DEADLINE = Duration.ofMinutes(5);

  static final String SKIP_UNOWNED_STAGING = "skip-unowned-staging";

  /** Version 1 records the dataset's row as a local activity (a database-only step). */
  static final String LOCAL_RECORD = "local-record";

  /** Failure type when the ingest failed without a typed cause (e.g. a timeout). */
  private final DatasetIngestActivities steps =
      ActivityStubs.ioWithin(DatasetIngestActivities.class, DEADLINE);

  private final DatasetIngestActivities localDb =
      ActivityStubs.localDatabaseWithin(DatasetIngestActivities.class, DEADLINE);

  /** Clean-up retries until it succeeds: nothing may be left behind. */
  private final DatasetIngestActivities cleanup = ActivityStubs.io(DatasetIngestActivities.class);

  @Override
  public String ingest(DatasetIngestRequest request) {
    try {
      CanonicalDataset dataset = steps.canonicalise(request);
      DatasetIngestActivities db =
          Workflow.getVersion(LOCAL_RECORD, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
              ? steps
              : localDb;
      db.record(new DatasetRecord(request, dataset));
    } catch (ActivityFailure e) {
      cleanup.discard(request);
      throw failure(request, e);
    }
    // nothing to delete when the staged object is not the ingest's (or, for a dataset built from a
    // job's results, there is none); version 1 skips the no-op step
    if (request.deleteStaging()
        || Workflow.getVersion(SKIP_UNOWNED_STAGING, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      cleanup.deleteStaging(request);
    }
    return request.datasetId();
  }

  private static ApplicationFailure failure(DatasetIngestRequest request, ActivityFailure e) {
    ApplicationFailure cause = deepestApplicationFailure(e);
    if (cause != null && InvalidDatasetException.FAILURE_TYPE.equals(cause.getType())) {
      return ApplicationFailure.newNonRetryableFailure(cause.getOriginalMessage(), cause.getType());
    }
    String reason =
        cause != null
            ? cause.getOriginalMessage()
            : e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return ApplicationFailure.newNonRetryableFailureWithCause(
        "Dataset " + request.datasetId() + " could not be ingested: " + reason,
        cause != null ? cause.getType() : FAILED,
        e);
  }

  private static ApplicationFailure deepestApplicationFailure(Throwable e) {
    ApplicationFailure found = null;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ApplicationFailure af) {
        found = af;
      }
    }
    return found;
  }
}
