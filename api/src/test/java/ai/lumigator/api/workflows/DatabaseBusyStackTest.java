package ai.lumigator.api.workflows;

import static ai.lumigator.api.workflows.EvaluationsHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.api.testing.StackApi;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the SQLite file is locked exclusively by another process's connection for 20 s (longer
 * than the 10 s busy timeout). A workflow started just before is retried through it and succeeds; a
 * request that cannot wait that long gets a 503 saying the database is busy, and leaves nothing.
 */
@Tag("stack")
class DatabaseBusyStackTest {
  static final Duration LOCK = Duration.ofSeconds(20);

  @TempDir static Path dataDir;
  static StackApi stack;
  static EvaluationsHttp api;
  static FakeChatServer chat;
  static String namespace;
  static String dataset;

  @BeforeAll
  static void start() throws Exception {
    namespace = TestNamespaces.fresh();
    stack = StackApi.start(dataDir, "spring.temporal.namespace=" + namespace);
    api = new EvaluationsHttp(stack::uri);
    dataset = api.uploadDataset(SampleData.file("sample_translation_en_de.csv"));
    chat = FakeChatServer.start();
  }

  @AfterAll
  static void stop() {
    if (chat != null) chat.close();
    if (stack != null) stack.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  /** An exclusive lock on the database from a connection of its own, as another process holds. */
  static final class ExclusiveLock implements AutoCloseable {
    private final Connection connection;

    ExclusiveLock() throws SQLException {
      connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("lumigator.db"));
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
      }
    }

    @Override
    public void close() throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("COMMIT");
      } finally {
        connection.close();
      }
    }
  }

  @Test
  void aWorkflowStartedJustBeforeTheLockIsRetriedThroughItAndSucceeds() throws Exception {
    String experiment = api.createExperiment("busy database", dataset, "");
    String id =
        api.createWorkflow(
            """
            {"name": "through a lock", "experiment_id": "%s", "model": "fake-model",
             "provider": "hosted_vllm", "base_url": "%s"}
            """
                .formatted(experiment, chat.baseUrl()));
    long released;
    try (ExclusiveLock lock = new ExclusiveLock()) {
      Thread.sleep(LOCK.toMillis()); // the fault: the database locked for this long
    } finally {
      released = System.nanoTime();
    }

    JsonNode workflow = api.awaitWorkflow(id, EvaluationsHttp::ended, Duration.ofMinutes(4));
    System.out.printf(
        "[fault] database locked %d s after POST /workflows: %s %.1f s after the lock ended%n",
        LOCK.toSeconds(), workflow.path("status").asText(), (System.nanoTime() - released) / 1e9);
    assertThat(workflow.path("status").asText()).as(workflow.toString()).isEqualTo("succeeded");
    assertThat(workflow.path("failure_reason").isNull()).isTrue();

    // one Ray submission per job
    RayJobsClient ray = stack.worker().getBean(RayJobsClient.class);
    Jdbi jdbi = stack.worker().getBean(Jdbi.class);
    var jobIds =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT job_id FROM workflow_jobs WHERE workflow_id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .list());
    assertThat(jobIds).hasSize(2);
    for (String jobId : jobIds) {
      assertThat(ray.list().stream().filter(r -> jobId.equals(r.submissionId())).count())
          .as("Ray submissions of job " + jobId)
          .isEqualTo(1);
    }
  }

  @Test
  void aRequestThatCannotWaitForTheLockGets503AndLeavesNothing() throws Exception {
    int before = experiments();
    HttpResponse<String> r;
    long t0;
    try (ExclusiveLock lock = new ExclusiveLock()) {
      t0 = System.nanoTime();
      r =
          api.post(
              "/api/v1/experiments/",
              """
              {"name": "during the lock", "description": "x", "dataset": "%s"}
              """
                  .formatted(dataset));
    }
    System.out.printf(
        "[fault] POST /experiments while the database is locked: %d after %.1f s%n",
        r.statusCode(), (System.nanoTime() - t0) / 1e9);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    String detail = json(r).path("detail").asText();
    assertThat(detail).contains("database is busy").doesNotContainIgnoringCase("insert");
    assertThat(experiments()).as("nothing created").isEqualTo(before);

    // the same request once the lock is gone
    assertThat(
            api.post(
                    "/api/v1/experiments/",
                    """
                    {"name": "after the lock", "description": "x", "dataset": "%s"}
                    """
                        .formatted(dataset))
                .statusCode())
        .isEqualTo(201);
  }

  static int experiments() {
    return json(api.get("/api/v1/experiments/")).path("total").asInt();
  }
}
