package ai.lumigator.workflows.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.datasets.DatasetKeys;
import ai.lumigator.activities.datasets.InvalidDatasetException;
import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Real Temporal, the real worker, S3Proxy and SQLite; records the histories replay tests use. */
@Tag("stack")
class DatasetIngestWorkflowStackTest {
  @TempDir static Path dataDir;
  static ConfigurableApplicationContext worker;
  static S3Storage storage;
  static DatasetDao datasets;
  static WorkflowClient client;

  static String namespace;

  @BeforeAll
  static void startWorker() {
    // a namespace of its own: no other test run's worker can take these tasks
    namespace = TestNamespaces.fresh();
    worker = StackWorker.start(dataDir, "spring.temporal.namespace=" + namespace);
    storage = worker.getBean(S3Storage.class);
    datasets = worker.getBean(Jdbi.class).onDemand(DatasetDao.class);
    client = worker.getBean(WorkflowClient.class);
  }

  @AfterAll
  static void stopWorker() {
    if (worker != null) worker.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  static DatasetIngestRequest stage(String csv) {
    String id = UUID.randomUUID().toString();
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    storage.putBytes(DatasetKeys.staging(id), bytes, "text/csv");
    return new DatasetIngestRequest(
        id, DatasetKeys.staging(id), "sample.csv", bytes.length, null, null, true);
  }

  static DatasetIngestWorkflow stub(String datasetId) {
    return client.newWorkflowStub(
        DatasetIngestWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(TaskQueues.ORCHESTRATION)
            .setWorkflowId(WorkflowIds.datasetIngest(datasetId))
            .build());
  }

  @Test
  void anUploadIsCanonicalisedRecordedAndItsStagingDeleted() throws Exception {
    DatasetIngestRequest request = stage("examples,ground_truth\n\"a\nb\",c\nd,e\n");
    String id = request.datasetId();

    assertThat(stub(id).ingest(request)).isEqualTo(id);

    assertThat(storage.list(DatasetKeys.root(id)))
        .extracting(ObjectInfo::key)
        .containsExactly(
            "datasets/" + id + "/sample.csv/data-00000-of-00001.arrow",
            "datasets/" + id + "/sample.csv/dataset.csv",
            "datasets/" + id + "/sample.csv/dataset_info.json",
            "datasets/" + id + "/sample.csv/metadata.json",
            "datasets/" + id + "/sample.csv/state.json");
    assertThat(storage.exists(request.stagingKey())).isFalse();
    DatasetRow row = datasets.findById(id).orElseThrow();
    assertThat(row.rowCount()).isEqualTo(2);
    assertThat(row.groundTruth()).isTrue();
    keepHistory(id, "dataset-ingest.json");
    storage.deletePrefix(DatasetKeys.root(id));
  }

  @Test
  void invalidContentLeavesNoObjectNoStagingAndNoRow() throws Exception {
    DatasetIngestRequest request = stage("ground_truth\nx\n");
    String id = request.datasetId();

    WorkflowFailedException e =
        catchThrowableOfType(WorkflowFailedException.class, () -> stub(id).ingest(request));

    ApplicationFailure failure = (ApplicationFailure) e.getCause();
    assertThat(failure.getType()).isEqualTo(InvalidDatasetException.FAILURE_TYPE);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("Dataset is missing required fields: examples");
    assertThat(storage.list(DatasetKeys.root(id))).isEmpty();
    assertThat(storage.exists(request.stagingKey())).isFalse();
    assertThat(datasets.findById(id)).isEmpty();
    keepHistory(id, "dataset-ingest-invalid.json");
  }

  /** Replay tests run the current workflow code against these (copied to src/test/resources). */
  private static void keepHistory(String datasetId, String file) throws Exception {
    Path histories = Path.of("target", "histories");
    Files.createDirectories(histories);
    Files.writeString(
        histories.resolve(file),
        client.fetchHistory(WorkflowIds.datasetIngest(datasetId)).toJson(true));
  }
}
