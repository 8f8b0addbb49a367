package ai.lumigator.api.workflows;

import static ai.lumigator.api.workflows.EvaluationsHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.api.ApiApplication;
import ai.lumigator.api.testing.WorkerProcess;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durability of a whole workflow: the API runs here without a worker; the only worker is a separate
 * JVM (the exec jar), SIGKILLed at each step in turn; a new worker JVM takes over each time. The
 * workflow still succeeds, and Ray saw exactly one submission per job.
 */
@Tag("stack")
class WorkflowOutlivesItsWorkerStackTest {
  static final int SAMPLES = 30;

  @TempDir static Path dataDir;
  static String namespace;
  static ConfigurableApplicationContext apiContext;
  static EvaluationsHttp api;
  static final List<WorkerProcess> workers = new ArrayList<>();

  @BeforeAll
  static void start() {
    namespace = TestNamespaces.fresh();
    apiContext =
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--server.port=0",
                "--spring.temporal.namespace=" + namespace,
                "--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
                "--lumigator.secrets.key=" + StackWorker.TEST_SECRET_KEY);
    int port = ((WebServerApplicationContext) apiContext).getWebServer().getPort();
    api = new EvaluationsHttp(path -> URI.create("http://127.0.0.1:" + port + path));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (WorkerProcess w : workers) w.close();
    if (apiContext != null) apiContext.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  /** A worker JVM from the exec jar on this test's namespace and SQLite file; waits until ready. */
  static WorkerProcess worker(String name) throws IOException, InterruptedException {
    WorkerProcess worker =
        WorkerProcess.startReady(
            name + "-" + namespace,
            namespace,
            "jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
            Path.of("target", "worker-logs"),
            List.of("-Xmx384m", "-XX:+UseSerialGC"),
            Map.of());
    workers.add(worker);
    return worker;
  }

  /**
   * The worker is SIGKILLed at each step of one evaluation workflow in turn (the inference job's
   * Ray submit and wait, its results, the predictions dataset's ingest, the compile), as soon as
   * the step's activity is scheduled (the Ray wait: once it has started), and a new worker is
   * started at once. Each step must be done within {@link #RECOVERY} of its kill (the 10 s
   * heartbeat timeout plus a JVM start), and the workflow must succeed with one Ray submission per
   * job, each result and the compiled result stored once and one predictions dataset.
   */
  @Test
  void aWorkflowSucceedsThoughItsWorkerIsKilledAtEveryStep() throws Exception {
    try (FakeChatServer chat = FakeChatServer.start().latency(Duration.ofMillis(4000))) {
      WorkerProcess current = worker("every-step-0");
      String dataset = api.uploadDataset(SampleData.file("dialogsum_500.csv"));
      String experiment =
          api.createExperiment("killed at every step", dataset, "\"max_samples\": " + SAMPLES);
      int datasetsBefore = json(api.get("/api/v1/datasets/")).path("total").asInt();
      String id =
          api.createWorkflow(
              """
              {"name": "every step", "experiment_id": "%s", "model": "fake-model",
               "provider": "hosted_vllm", "base_url": "%s"}
              """
                  .formatted(experiment, chat.baseUrl()));
      WorkflowClient temporal = apiContext.getBean(WorkflowClient.class);
      RayJobsClient ray = apiContext.getBean(RayJobsClient.class);
      // Each kill is armed as soon as the new worker is up, not after the killed step is done:
      // the steps after a recovery (results, ingest) follow within milliseconds.
      List<Instant> kills = new ArrayList<>();
      List<String> landed = new ArrayList<>();
      for (int i = 0; i < KILLED_STEPS.size(); i++) {
        String step = KILLED_STEPS.get(i);
        // Temporal records an activity's start only once it ends: the wait is caught running by
        // its Ray job's status instead
        Instant armed = awaitStep(temporal, id, step, "scheduled", Instant.EPOCH).at();
        if (step.equals("Await")) armed = awaitRayRunning(ray, id);
        boolean done = stepEvent(temporal, id, step, "completed", Instant.EPOCH) != null;
        Instant killedAt = Instant.now();
        current.kill();
        kills.add(killedAt);
        landed.add(
            "%s %s %d ms after it was %s"
                .formatted(
                    step,
                    done ? "(already done)" : "not yet done,",
                    Duration.between(armed, killedAt).toMillis(),
                    step.equals("Await") ? "seen running on Ray" : "scheduled"));
        current = worker("every-step-" + (i + 1));
      }
      List<String> report = new ArrayList<>();
      for (int i = 0; i < KILLED_STEPS.size(); i++) {
        String step = KILLED_STEPS.get(i);
        Instant doneAt = awaitStep(temporal, id, step, "completed", Instant.EPOCH).at();
        Duration recovery =
            doneAt.isBefore(kills.get(i)) ? Duration.ZERO : Duration.between(kills.get(i), doneAt);
        report.add(
            "%s; done %.1f s after the kill"
                .formatted(landed.get(i), recovery.toMillis() / 1000.0));
        assertThat(recovery)
            .as("step %s done after its worker was killed", step)
            .isLessThan(RECOVERY);
      }
      System.out.println(
          "[fault] worker killed at every step; each step done after its kill: "
              + String.join("; ", report));

      JsonNode w = api.awaitWorkflow(id, EvaluationsHttp::ended, Duration.ofMinutes(2));
      assertThat(w.path("status").asText()).as(w.toString()).isEqualTo("succeeded");
      assertThat(w.path("metrics").path("rouge_rouge1_mean").isNumber()).isTrue();
      assertThat(chat.requestCount()).as("every sample was asked for once").isEqualTo(SAMPLES);
      for (JsonNode job : w.path("jobs")) {
        String jobId = job.path("id").asText();
        assertThat(job.path("status").asText()).isEqualTo("succeeded");
        assertThat(ray.list().stream().filter(r -> jobId.equals(r.submissionId())).count())
            .as("Ray submissions of job " + jobId)
            .isEqualTo(1);
        assertThat(count(steps(temporal, WorkflowIds.job(jobId)), "SaveResult", "completed"))
            .as("results of job " + jobId + " stored once")
            .isEqualTo(1);
      }
      assertThat(count(steps(temporal, WorkflowIds.evaluation(id)), "Compile", "completed"))
          .isEqualTo(1);
      assertThat(json(api.get("/api/v1/datasets/")).path("total").asInt())
          .as("one predictions dataset, whatever the retries")
          .isEqualTo(datasetsBefore + 1);
    }
  }

  static final List<String> KILLED_STEPS =
      List.of("Submit", "Await", "SaveResult", "DatasetIngestCanonicalise", "Compile");
  static final Duration RECOVERY = Duration.ofSeconds(30);

  /** An activity's scheduled, started or completed event in one workflow's history. */
  record StepEvent(String activity, String kind, Instant at) {}

  /** The activity events of the evaluation workflow and of its child workflows, at any depth. */
  static List<StepEvent> allSteps(WorkflowClient temporal, String workflowId) {
    List<StepEvent> steps = new ArrayList<>();
    collect(temporal, WorkflowIds.evaluation(workflowId), steps);
    return steps;
  }

  private static void collect(WorkflowClient temporal, String workflowId, List<StepEvent> steps) {
    List<HistoryEvent> events = history(temporal, workflowId);
    steps.addAll(steps(events));
    for (HistoryEvent e : events) {
      if (e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
        collect(
            temporal,
            e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId(),
            steps);
      }
    }
  }

  static List<StepEvent> steps(WorkflowClient temporal, String workflowId) {
    return steps(history(temporal, workflowId));
  }

  static List<StepEvent> steps(List<HistoryEvent> events) {
    Map<Long, String> types = new HashMap<>();
    List<StepEvent> steps = new ArrayList<>();
    for (HistoryEvent e : events) {
      Instant at =
          Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      switch (e.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          String type = e.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          types.put(e.getEventId(), type);
          steps.add(new StepEvent(type, "scheduled", at));
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            steps.add(
                new StepEvent(
                    types.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId()),
                    "started",
                    at));
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            steps.add(
                new StepEvent(
                    types.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId()),
                    "completed",
                    at));
        default -> {}
      }
    }
    return steps;
  }

  static long count(List<StepEvent> steps, String activity, String kind) {
    return steps.stream()
        .filter(s -> s.activity().equals(activity) && s.kind().equals(kind))
        .count();
  }

  static List<HistoryEvent> history(WorkflowClient temporal, String workflowId) {
    try {
      return temporal.fetchHistory(workflowId).getHistory().getEventsList();
    } catch (WorkflowNotFoundException notStartedYet) {
      return List.of();
    }
  }

  static StepEvent stepEvent(
      WorkflowClient temporal, String id, String activity, String kind, Instant after) {
    return allSteps(temporal, id).stream()
        .filter(s -> s.activity().equals(activity) && s.kind().equals(kind))
        .filter(s -> !s.at().isBefore(after))
        .findFirst()
        .orElse(null);
  }

  /** Waits until the workflow's first job runs on Ray; returns when it was seen running. */
  Instant awaitRayRunning(RayJobsClient ray, String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      JsonNode w = json(api.get("/api/v1/workflows/" + id));
      String jobId = w.at("/jobs/0/id").asText(null);
      if (jobId != null
          && ray.get(jobId).map(j -> j.status() == RayJobStatus.RUNNING).orElse(false)) {
        return Instant.now();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the inference job of " + id + " never ran on Ray");
  }

  /** Polls the histories until the activity's event of this kind is there. */
  static StepEvent awaitStep(
      WorkflowClient temporal, String id, String activity, String kind, Instant after)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      StepEvent event = stepEvent(temporal, id, activity, kind, after);
      if (event != null) return event;
      Thread.sleep(50);
    }
    throw new AssertionError(activity + " not " + kind + " within 2 min");
  }
}
