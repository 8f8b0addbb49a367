package ai.lumigator.api.datasets;

import ai.lumigator.activities.SearchAttributes;
import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.datasets.InvalidDatasetException;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.datasets.DatasetIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a staged upload to {@code DatasetIngestWorkflow} ({@code dataset-ingest-{id}}) and waits
 * for its outcome: the row once stored, or the client's error.
 */
@Component
class DatasetIngestion {
  private static final Logger log = LoggerFactory.getLogger(DatasetIngestion.class);

  private final WorkflowClient client;
  private final S3Storage storage;
  private final DatasetDao datasets;
  private final Duration timeout;

  DatasetIngestion(
      WorkflowClient client, S3Storage storage, Jdbi jdbi, DatasetProperties properties) {
    this.client = client;
    this.storage = storage;
    this.datasets = jdbi.onDemand(DatasetDao.class);
    this.timeout = properties.ingestTimeout();
  }

  DatasetRow ingest(StagedUpload upload) {
    String id = upload.datasetId();
    DatasetIngestRequest request =
        new DatasetIngestRequest(
            id, upload.stagingKey(), upload.filename(), upload.size(), null, null, true);
    DatasetIngestWorkflow workflow =
        client.newWorkflowStub(
            DatasetIngestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.datasetIngest(id))
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .setTypedSearchAttributes(
                    io.temporal.common.SearchAttributes.newBuilder()
                        .set(SearchAttributes.DATASET_ID, id)
                        .build())
                .build());
    try {
      WorkflowClient.start(workflow::ingest, request);
    } catch (RuntimeException e) {
      deleteStaging(upload);
      throw new UpstreamException(
          "Temporal", "the dataset ingest could not be started: " + e.getMessage(), e);
    }
    try {
      WorkflowStub.fromTyped(workflow)
          .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, String.class);
    } catch (WorkflowFailedException e) {
      throw failure(id, e);
    } catch (TimeoutException e) {
      throw new UpstreamException(
          "Temporal",
          "dataset "
              + id
              + " was not ingested within "
              + timeout.toSeconds()
              + " s (is a worker running?); it is stored later or not at all",
          e);
    }
    return datasets
        .findById(id)
        .orElseThrow(() -> new IllegalStateException("dataset " + id + " ingested but no row"));
  }

  private RuntimeException failure(String id, WorkflowFailedException e) {
    if (e.getCause() instanceof ApplicationFailure failure) {
      String type = failure.getType();
      if (InvalidDatasetException.FAILURE_TYPE.equals(type)) {
        return new InvalidInputException(failure.getOriginalMessage());
      }
      if (StorageException.class.getName().equals(type)) {
        return new UpstreamException("S3", failure.getOriginalMessage(), e);
      }
      if (DatasetIngestWorkflow.FAILED.equals(type)) {
        return new UpstreamException("Temporal", failure.getOriginalMessage(), e);
      }
    }
    log.error("Dataset {} ingest failed", id, e);
    return new IllegalStateException("dataset " + id + " ingest failed", e);
  }

  private void deleteStaging(StagedUpload upload) {
    try {
      storage.deleteKey(upload.stagingKey());
    } catch (StorageException e) {
      log.warn("Could not delete the staged upload {}: {}", upload.stagingKey(), e.getMessage());
    }
  }
}
