package ai.lumigator.workflows.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.workflows.ActivityStubs;
import ai.lumigator.workflows.testing.TestNamespaces;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A short activity whose worker dies mid-attempt is retried elsewhere after the heartbeat timeout,
 * not after its start-to-close timeout; and one that runs longer than the heartbeat timeout without
 * heartbeating itself is kept alive by the worker. Real time (no time skipping): the in-memory
 * server times heartbeats out as a real one does.
 */
@Tag("stack")
class KeepAliveHeartbeatsStackTest {
  @ActivityInterface
  public interface Probe {
    @ActivityMethod
    String work();
  }

  @WorkflowInterface
  public interface OneCall {
    @WorkflowMethod
    String run();
  }

  public static class OneCallImpl implements OneCall {
    @Override
    public String run() {
      return ActivityStubs.io(Probe.class).work();
    }
  }

  private String namespace;
  private WorkerFactory orchestration;

  @AfterEach
  void tearDown() {
    if (orchestration != null) orchestration.shutdownNow();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  @Test
  void aWorkerThatDiesMidActivityIsReplacedWithinTheHeartbeatTimeout() throws Exception {
    namespace = TestNamespaces.fresh();
    WorkflowClient client = TestNamespaces.client(namespace);
    orchestration = WorkerFactory.newInstance(client);
    orchestration
        .newWorker(TaskQueues.ORCHESTRATION)
        .registerWorkflowImplementationTypes(OneCallImpl.class);
    orchestration.start();

    // the worker that dies: takes the first attempt and never answers nor heartbeats
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    WorkerFactory dying = WorkerFactory.newInstance(client);
    dying
        .newWorker(TaskQueues.IO)
        .registerActivitiesImplementations(
            (Probe)
                () -> {
                  firstStarted.countDown();
                  awaitUninterruptibly(never);
                  return "from the dead worker";
                });
    dying.start();

    OneCall wf =
        client.newWorkflowStub(
            OneCall.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .setWorkflowId("keepalive-test")
                .build());
    WorkflowClient.start(wf::run);
    assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
    dying.shutdown(); // stops polling; its attempt stays silent, as with a killed process

    // the replacement runs its attempt longer than the heartbeat timeout, heartbeating nothing
    // itself
    WorkerFactory healthy =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new KeepAliveHeartbeats(Set.of()))
                .build());
    Duration longerThanTimeout = ActivityStubs.SHORT_HEARTBEAT_TIMEOUT.plusSeconds(3);
    healthy
        .newWorker(TaskQueues.IO)
        .registerActivitiesImplementations(
            (Probe)
                () -> {
                  sleep(longerThanTimeout);
                  return "done";
                });
    healthy.start();
    try {
      String result;
      try {
        result =
            client
                .newUntypedWorkflowStub("keepalive-test")
                .getResult(90, TimeUnit.SECONDS, String.class);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(
            "no result; pending: "
                + client
                    .getWorkflowServiceStubs()
                    .blockingStub()
                    .describeWorkflowExecution(
                        io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest
                            .newBuilder()
                            .setNamespace(namespace)
                            .setExecution(
                                io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                                    .setWorkflowId("keepalive-test"))
                            .build())
                    .getPendingActivitiesList()
                + "; history: "
                + client.fetchHistory("keepalive-test").getHistory().getEventsList().stream()
                    .map(h -> h.getEventType() + "@" + h.getEventTime().getSeconds())
                    .toList(),
            e);
      }
      assertThat(result).isEqualTo("done");
    } finally {
      never.countDown();
      healthy.shutdownNow();
    }

    List<HistoryEvent> started =
        client.fetchHistory("keepalive-test").getHistory().getEventsList().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
            .toList();
    // one started event per recorded attempt: the retry is the one that completed
    assertThat(started).hasSize(1);
    assertThat(started.get(0).getActivityTaskStartedEventAttributes().getAttempt()).isEqualTo(2);
    HistoryEvent scheduled =
        client.fetchHistory("keepalive-test").getHistory().getEventsList().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .findFirst()
            .orElseThrow();
    Duration untilRetry = Duration.between(instant(scheduled), instant(started.get(0)));
    // the first attempt's start-to-close timeout (2 min) never came into it
    assertThat(untilRetry).isLessThan(Duration.ofSeconds(60));
  }

  private static Instant instant(HistoryEvent e) {
    return Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // a killed process does not answer either
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
