package ai.lumigator.api.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.smoke.SmokeRequest;
import ai.lumigator.api.ApiApplication;
import ai.lumigator.api.testing.WorkerProcess;
import ai.lumigator.persistence.testing.PostgresServer;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.smoke.SmokeResult;
import ai.lumigator.workflows.smoke.SmokeWorkflow;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several workers, as a cluster deployment runs them: one API and two worker JVMs (from the exec
 * jar, configured by environment) on one PostgreSQL database and a namespace of their own on the
 * local stack's Temporal. One worker is SIGKILLed while it holds in-flight activities of five smoke
 * workflows; all five still complete, the activities it held are finished by the other worker, and
 * both workers' identities appear in the histories.
 */
@Tag("stack")
class TwoWorkersStackTest {
  static final int WORKFLOWS = 5;
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(100);

  static String namespace;
  static String databaseUrl;
  static ConfigurableApplicationContext api;
  static WorkerProcess survivor;
  static WorkerProcess victim;

  @BeforeAll
  static void start() throws Exception {
    // not lumigator-test: other test workers polling it would take these workflows' tasks
    namespace = TestNamespaces.fresh();
    databaseUrl = PostgresServer.createDatabase();
    // the API first: it migrates the new database before the workers connect
    api =
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--server.port=0",
                "--spring.temporal.namespace=" + namespace,
                "--lumigator.database.url=" + databaseUrl,
                "--lumigator.secrets.key=" + StackWorker.TEST_SECRET_KEY);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path logs = Path.of("target", "two-workers-" + run);
    survivor = WorkerProcess.start("worker-a-" + run, namespace, databaseUrl, logs);
    victim = WorkerProcess.start("worker-b-" + run, namespace, databaseUrl, logs);
    survivor.awaitReady(Duration.ofSeconds(90));
    victim.awaitReady(Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      for (WorkerProcess w : new WorkerProcess[] {victim, survivor}) if (w != null) w.close();
      if (api != null) api.close();
    } finally {
      if (databaseUrl != null) PostgresServer.dropDatabase(databaseUrl);
      if (namespace != null) TestNamespaces.delete(namespace);
    }
  }

  @Test
  void fiveWorkflowsCompleteAcrossTwoWorkersWhenOneIsKilledMidRun() throws Exception {
    assertThat(apiHealth().get("status").asText()).isEqualTo("OK");
    WorkflowClient client = api.getBean(WorkflowClient.class);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < WORKFLOWS; i++) {
      String runId = UUID.randomUUID().toString();
      String id = WorkflowIds.smoke(runId);
      SmokeWorkflow workflow =
          client.newWorkflowStub(
              SmokeWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TaskQueues.ORCHESTRATION)
                  .setWorkflowId(id)
                  .build());
      WorkflowClient.start(workflow::run, new SmokeRequest(runId, "two workers #" + i));
      ids.add(id);
    }

    List<HeldActivity> heldByVictim = killVictimWhileItAwaitsRay(client, ids);

    Instant deadline = Instant.now().plus(RUN_TIMEOUT);
    for (String id : ids) {
      long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
      SmokeResult result =
          client
              .newUntypedWorkflowStub(id)
              .getResult(left, TimeUnit.MILLISECONDS, SmokeResult.class);
      assertThat(result.rayStatus()).as(id).isEqualTo("succeeded");
      assertThat(result.output()).as(id).startsWith("TWO WORKERS #");
    }

    Map<String, Integer> activitiesPerWorker = new TreeMap<>();
    for (String id : ids) {
      for (StartedActivity a : startedActivities(client, id)) {
        activitiesPerWorker.merge(a.identity(), 1, Integer::sum);
      }
    }
    System.out.printf(
        "activities per worker: %s; killed %s while it held %s%n",
        activitiesPerWorker, victim.identity(), heldByVictim);
    assertThat(activitiesPerWorker).containsKeys(survivor.identity(), victim.identity());
    // what the dead worker held was finished by the other one, on a later attempt
    for (HeldActivity held : heldByVictim) {
      StartedActivity finished =
          startedActivities(client, held.workflowId()).stream()
              .filter(a -> a.activityId().equals(held.activityId()))
              .findFirst()
              .orElseThrow();
      assertThat(finished.identity()).as(held.toString()).isEqualTo(survivor.identity());
      assertThat(finished.attempt()).as(held.toString()).isGreaterThan(1);
    }
  }

  record HeldActivity(String workflowId, String activityId, String type) {}

  /**
   * Waits until the victim has finished some activity and holds only heartbeating (Ray await)
   * activities, then SIGKILLs it. Activities without a heartbeat would be retried only after their
   * start-to-close timeout (minutes), which is the expected cost of a crash but not what this test
   * measures.
   */
  private static List<HeldActivity> killVictimWhileItAwaitsRay(
      WorkflowClient client, List<String> ids) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    boolean victimFinishedOne = false;
    while (Instant.now().isBefore(deadline)) {
      if (!victimFinishedOne) {
        victimFinishedOne =
            ids.stream()
                .flatMap(id -> startedActivities(client, id).stream())
                .anyMatch(a -> a.identity().equals(victim.identity()));
      }
      List<HeldActivity> held = new ArrayList<>();
      boolean onlyAwaits = true;
      int open = 0;
      for (String id : ids) {
        var description = describe(client, id);
        if (description.getWorkflowExecutionInfo().getStatus()
            == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) open++;
        for (PendingActivityInfo p : description.getPendingActivitiesList()) {
          if (p.getState() != PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
              || !p.getLastWorkerIdentity().equals(victim.identity())) continue;
          held.add(new HeldActivity(id, p.getActivityId(), p.getActivityType().getName()));
          onlyAwaits &= p.hasLastHeartbeatTime(); // it heartbeats: a loss is noticed fast
        }
      }
      if (open == 0) break;
      if (victimFinishedOne && !held.isEmpty() && onlyAwaits) {
        victim.kill();
        return held;
      }
      Thread.sleep(100);
    }
    return fail(
        "never saw %s holding only heartbeating activities after finishing an activity; log:%n%s",
        victim.identity(), victim.tail());
  }

  private static io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse describe(
      WorkflowClient client, String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(namespace)
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  record StartedActivity(
      String workflowId, String activityId, String type, String identity, int attempt) {}

  /** Every ActivityTaskStarted event of a workflow, with the identity of the worker that ran it. */
  private static List<StartedActivity> startedActivities(WorkflowClient client, String id) {
    Map<Long, HistoryEvent> scheduled = new HashMap<>();
    List<StartedActivity> started = new ArrayList<>();
    for (HistoryEvent e : client.fetchHistory(id).getEvents()) {
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        scheduled.put(e.getEventId(), e);
      } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        var attributes = e.getActivityTaskStartedEventAttributes();
        var schedule =
            scheduled
                .get(attributes.getScheduledEventId())
                .getActivityTaskScheduledEventAttributes();
        started.add(
            new StartedActivity(
                id,
                schedule.getActivityId(),
                schedule.getActivityType().getName(),
                attributes.getIdentity(),
                attributes.getAttempt()));
      }
    }
    return started;
  }

  private static JsonNode apiHealth() throws Exception {
    int port = ((WebServerApplicationContext) api).getWebServer().getPort();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
