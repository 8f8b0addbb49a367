package ai.lumigator.workflows.deletions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.deletions.DeletionActivities;
import ai.lumigator.activities.deletions.DeletionPlan;
import ai.lumigator.activities.deletions.DeletionRequest;
import ai.lumigator.activities.deletions.StopTarget;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.workflows.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The deletion's order on the in-memory server, activities mocked. */
class DeletionWorkflowTest {
  static final DeletionRequest EXPERIMENT = new DeletionRequest(DeletionRequest.EXPERIMENT, "e1");
  static final DeletionRequest DATASET = new DeletionRequest(DeletionRequest.DATASET, "d1");

  /** Before the stop: one workflow running, one job of the experiment's own. */
  static final DeletionPlan BEFORE =
      new DeletionPlan(
          List.of("w1"),
          List.of("j9"),
          List.of("j1", "j9"),
          List.of(),
          List.of("workflows/results/w1/", "jobs/progress/j1.json"),
          List.of("jobs/secrets/j1"),
          "e1");

  /** After it: the stopped job left a predictions dataset. */
  static final DeletionPlan AFTER =
      new DeletionPlan(
          List.of("w1"),
          List.of("j9"),
          List.of("j1", "j9"),
          List.of("p1"),
          List.of("workflows/results/w1/", "jobs/progress/j1.json", "datasets/p1/"),
          List.of("jobs/secrets/j1"),
          "e1");

  static final DeletionPlan DATASET_PLAN =
      new DeletionPlan(
          List.of(), List.of(), List.of(), List.of("d1"), List.of("datasets/d1/"), List.of(), null);

  private TestWorkflowEnvironment env;
  private DeletionActivities io;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    io = mock(DeletionActivities.class, withSettings().withoutAnnotations());
    env.newWorker(TaskQueues.ORCHESTRATION)
        .registerWorkflowImplementationTypes(DeletionWorkflowImpl.class);
    Worker ioWorker = env.newWorker(TaskQueues.IO);
    ioWorker.registerActivitiesImplementations(io);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private DeletionResult delete(DeletionRequest request) {
    WorkflowClient client = env.getWorkflowClient();
    DeletionWorkflows.start(client, request);
    return client
        .newUntypedWorkflowStub(WorkflowIds.deletion(request.id()))
        .getResult(DeletionResult.class);
  }

  @Test
  void stopsWhatRunsAndWaitsThenRemovesObjectsThenRows() throws Exception {
    when(io.plan(EXPERIMENT)).thenReturn(BEFORE, AFTER);

    DeletionResult result = delete(EXPERIMENT);

    InOrder order = inOrder(io);
    order.verify(io).plan(EXPERIMENT);
    order.verify(io).stop(List.of(new StopTarget("evaluation-w1"), new StopTarget("job-j9")));
    order.verify(io).plan(EXPERIMENT);
    order.verify(io).removeObjects(AFTER);
    order.verify(io).removeRows(AFTER);
    assertThat(result).isEqualTo(new DeletionResult(1, 2, 1, 3));

    // kept for DeletionWorkflowReplayTest (copied to src/test/resources/histories)
    Path histories = Path.of("target", "histories");
    Files.createDirectories(histories);
    Files.writeString(
        histories.resolve("deletion-experiment.json"),
        env.getWorkflowClient().fetchHistory(WorkflowIds.deletion("e1")).toJson(true));
  }

  @Test
  void aDatasetHasNothingToStop() {
    when(io.plan(DATASET)).thenReturn(DATASET_PLAN);

    delete(DATASET);

    InOrder order = inOrder(io);
    order.verify(io).plan(DATASET);
    order.verify(io).removeObjects(DATASET_PLAN);
    order.verify(io).removeRows(DATASET_PLAN);
    verify(io, never()).stop(any());
    verify(io, times(1)).plan(DATASET);
  }

  @Test
  void rowsGoOnlyOnceTheObjectsAreGone() {
    when(io.plan(DATASET)).thenReturn(DATASET_PLAN);
    org.mockito.Mockito.doThrow(new StorageException("unreachable", "datasets/d1/", false, 0, null))
        .doThrow(new StorageException("put failed: HTTP 503", "datasets/d1/", false, 503, null))
        .doNothing()
        .when(io)
        .removeObjects(DATASET_PLAN);

    delete(DATASET);

    InOrder order = inOrder(io);
    order.verify(io, times(3)).removeObjects(DATASET_PLAN);
    order.verify(io).removeRows(DATASET_PLAN);
  }

  @Test
  void aRepeatedDeleteJoinsTheRunningOne() {
    when(io.plan(DATASET)).thenReturn(DATASET_PLAN);
    // the first attempt of the stop-free deletion blocks until the second request came
    org.mockito.Mockito.doAnswer(
            inv -> {
              DeletionWorkflows.start(env.getWorkflowClient(), DATASET);
              return null;
            })
        .when(io)
        .removeObjects(DATASET_PLAN);

    delete(DATASET);

    verify(io, times(1)).removeRows(DATASET_PLAN);
    WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub(WorkflowIds.deletion("d1"));
    assertThat(stub.getResult(DeletionResult.class)).isEqualTo(new DeletionResult(0, 0, 1, 1));
  }

  @Test
  void anEndedDeletionMayRunAgain() {
    when(io.plan(DATASET)).thenReturn(DATASET_PLAN);

    delete(DATASET);
    delete(DATASET);

    verify(io, times(2)).removeRows(DATASET_PLAN);
    assertThat(DeletionWorkflows.await(env.getWorkflowClient(), "d1", Duration.ofSeconds(5)))
        .isTrue();
  }
}
