package ai.lumigator.workflows.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.datasets.CanonicalDataset;
import ai.lumigator.activities.datasets.DatasetIngestActivities;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.datasets.DatasetRecord;
import ai.lumigator.activities.datasets.InvalidDatasetException;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.workflows.WorkflowIds;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class DatasetIngestWorkflowTest {
  static final DatasetIngestRequest UPLOAD =
      new DatasetIngestRequest("d1", "uploads/d1", "data.csv", 120, null, null, true);
  static final CanonicalDataset CANONICAL =
      new CanonicalDataset("d1", List.of("examples", "ground_truth"), 3, true, "ab12", 120);

  private TestWorkflowEnvironment env;
  private DatasetIngestActivities io;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    io = mock(DatasetIngestActivities.class, withSettings().withoutAnnotations());
    Worker orchestration = env.newWorker(TaskQueues.ORCHESTRATION);
    orchestration.registerWorkflowImplementationTypes(DatasetIngestWorkflowImpl.class);
    orchestration.registerActivitiesImplementations(io); // record runs as a local activity
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(io);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String ingest(DatasetIngestRequest request) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            DatasetIngestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .setWorkflowId(WorkflowIds.datasetIngest(request.datasetId()))
                .build())
        .ingest(request);
  }

  @Test
  void canonicalisesRecordsThenDeletesTheStagedUpload() {
    when(io.canonicalise(UPLOAD)).thenReturn(CANONICAL);

    assertThat(ingest(UPLOAD)).isEqualTo("d1");

    InOrder order = inOrder(io);
    order.verify(io).canonicalise(UPLOAD);
    order.verify(io).record(new DatasetRecord(UPLOAD, CANONICAL));
    order.verify(io).deleteStaging(UPLOAD);
    verify(io, never()).discard(any());
    // recording the row is a local activity: no task-queue activity of its own
    assertThat(
            env
                .getWorkflowClient()
                .fetchHistory(WorkflowIds.datasetIngest("d1"))
                .getEvents()
                .stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName()))
        .containsExactly("DatasetIngestCanonicalise", "DatasetIngestDeleteStaging");
  }

  @Test
  void aDatasetBuiltFromJobResultsHasNoStagingStep() {
    DatasetIngestRequest fromResults =
        DatasetIngestRequest.fromJobResults(
            "d2", "jobs/results/j/1/results.json", "predictions", "d-p.csv", "j1", "lead-3");
    when(io.canonicalise(fromResults)).thenReturn(CANONICAL);

    assertThat(ingest(fromResults)).isEqualTo("d2");

    verify(io).record(new DatasetRecord(fromResults, CANONICAL));
    verify(io, never()).deleteStaging(any());
    verify(io, never()).discard(any());
  }

  @Test
  void invalidContentIsDiscardedAndFailsWithTheClientsMessage() {
    when(io.canonicalise(UPLOAD))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "Dataset is missing required fields: examples",
                InvalidDatasetException.FAILURE_TYPE));

    WorkflowFailedException e =
        catchThrowableOfType(WorkflowFailedException.class, () -> ingest(UPLOAD));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertThat(failure.getType()).isEqualTo(InvalidDatasetException.FAILURE_TYPE);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("Dataset is missing required fields: examples");
    verify(io, times(1)).canonicalise(UPLOAD); // not retried
    verify(io).discard(UPLOAD);
    verify(io, never()).record(any());
    verify(io, never()).deleteStaging(any());
  }

  @Test
  void transientStorageFailuresRetry() {
    when(io.canonicalise(UPLOAD))
        .thenThrow(new StorageException("put failed: HTTP 503", "k", false, 503, null))
        .thenThrow(new StorageException("unreachable", "k", false, 0, null))
        .thenReturn(CANONICAL);

    assertThat(ingest(UPLOAD)).isEqualTo("d1");

    verify(io, times(3)).canonicalise(UPLOAD);
    verify(io).record(new DatasetRecord(UPLOAD, CANONICAL));
    verify(io, never()).discard(any());
  }

  @Test
  void storageStillFailingAtTheDeadlineDiscardsAndFails() {
    when(io.canonicalise(UPLOAD))
        .thenThrow(new StorageException("unreachable", "k", false, 0, null));
    long start = env.currentTimeMillis();

    WorkflowFailedException e =
        catchThrowableOfType(WorkflowFailedException.class, () -> ingest(UPLOAD));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertThat(failure.getType()).isEqualTo(StorageException.class.getName());
    assertThat(failure.getOriginalMessage())
        .isEqualTo("Dataset d1 could not be ingested: unreachable");
    assertThat(env.currentTimeMillis() - start)
        .isGreaterThanOrEqualTo(Duration.ofMinutes(4).toMillis());
    verify(io).discard(UPLOAD);
    verify(io, never()).record(any());
  }

  @Test
  void aFailedRecordAlsoDiscardsTheObjects() {
    when(io.canonicalise(UPLOAD)).thenReturn(CANONICAL);
    org.mockito.Mockito.doThrow(
            ApplicationFailure.newNonRetryableFailure("constraint violated", "SqlError"))
        .when(io)
        .record(any());

    WorkflowFailedException e =
        catchThrowableOfType(WorkflowFailedException.class, () -> ingest(UPLOAD));

    assertThat(((ApplicationFailure) e.getCause()).getType()).isEqualTo("SqlError");
    verify(io).discard(UPLOAD);
    verify(io, never()).deleteStaging(any());
  }
}
