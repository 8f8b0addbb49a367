package ai.lumigator.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.StackApi;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import ai.lumigator.workflows.testing.PrivateStack;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Fault: Temporal (a private dev server) down for 30 s under an idle worker and an API asked for a
 * running workflow. The worker's pollers fail hundreds of times in that window; the log says so
 * once when Temporal goes and once when it is back, never a stack trace per poll. Each GET of the
 * workflow answers a clear 503 and logs one short line.
 */
@Tag("stack")
class TemporalOutageLogStackTest {
  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final int GETS = 5;

  @TempDir static Path dataDir;
  static PrivateStack temporal;
  static StackApi stack;
  static ListAppender<ILoggingEvent> logs;

  @BeforeAll
  static void start() {
    temporal = PrivateStack.startNew("temporal");
    stack = StackApi.start(dataDir, temporal.properties().toArray(String[]::new));
    logs = new ListAppender<>();
    logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    logs.start();
    root().addAppender(logs);
  }

  @AfterAll
  static void stop() {
    if (logs != null) root().detachAppender(logs);
    if (stack != null) stack.close();
    if (temporal != null) temporal.close();
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void anOutageIsLoggedOnceWhenItBeginsAndOnceWhenItEnds() throws Exception {
    EvaluationsHttp http = new EvaluationsHttp(stack::uri);
    String id = runningWorkflowRow();
    assertThat(http.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(200);

    int from = events().size();
    long down = System.nanoTime();
    temporal.stop("temporal");
    awaitLog(
        e -> e.getFormattedMessage().startsWith("Temporal unreachable"), Duration.ofMinutes(1));
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < GETS; i++) answers.add(http.get("/api/v1/workflows/" + id));
    // the fault itself: Temporal stays down this long while the worker keeps polling
    Thread.sleep(
        Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
    temporal.start("temporal");
    long back = System.nanoTime();
    awaitLog(
        e -> e.getFormattedMessage().startsWith("Temporal reachable again"), Duration.ofMinutes(2));
    System.out.printf(
        "[fault] temporal down %d s: the worker logged it back %.1f s after it answered%n",
        OUTAGE.toSeconds(), (System.nanoTime() - back) / 1e9);

    for (HttpResponse<String> r : answers) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
      assertThat(EvaluationsHttp.json(r).path("detail").asText())
          .isEqualTo("Upstream error with Temporal: unreachable; try again in a few seconds");
    }
    List<ILoggingEvent> window = events().subList(from, events().size());
    List<String> lines = window.stream().map(TemporalOutageLogStackTest::line).toList();
    assertThat(lines).noneMatch(l -> l.contains("Failure in poller thread"));
    assertThat(window)
        .as("no stack trace during the outage: %s", lines)
        .noneMatch(e -> e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN));
    List<String> worker =
        lines.stream().filter(l -> l.startsWith("ai.lumigator.workflows.")).toList();
    assertThat(worker).filteredOn(l -> l.contains("Temporal unreachable at")).hasSize(1);
    assertThat(worker).filteredOn(l -> l.contains("Temporal reachable again after")).hasSize(1);
    assertThat(lines)
        .as("one line per GET from the API")
        .filteredOn(l -> l.startsWith("ai.lumigator.api."))
        .hasSize(GETS)
        .allMatch(l -> l.contains(id) && l.length() < 200);
    assertThat(window)
        .as("nothing else at WARN or above: %s", lines)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .hasSize(GETS + 1);

    // the worker polls again: an upload's ingest workflow runs
    http.uploadDataset(SampleData.file("dialogsum_exc.csv"));
    assertThat(http.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(200);
  }

  /** A workflow row the API takes for running (its Temporal workflow need not exist). */
  static String runningWorkflowRow() {
    String id = UUID.randomUUID().toString();
    long now = System.currentTimeMillis();
    stack
        .api()
        .getBean(Jdbi.class)
        .onDemand(WorkflowDao.class)
        .insert(
            new WorkflowRow(
                id,
                UUID.randomUUID().toString(),
                "outage",
                "",
                "lead-3",
                "baseline",
                null,
                "",
                null,
                "{}",
                WorkflowStatuses.RUNNING,
                null,
                null,
                null,
                null,
                now,
                now));
    return id;
  }

  static String line(ILoggingEvent e) {
    return e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage();
  }

  static List<ILoggingEvent> events() {
    synchronized (logs) {
      return new ArrayList<>(logs.list);
    }
  }

  static void awaitLog(Predicate<ILoggingEvent> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (events().stream().anyMatch(condition)) return;
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no such log line within "
            + timeout
            + "; last: "
            + events().stream()
                .skip(Math.max(0, events().size() - 20))
                .map(TemporalOutageLogStackTest::line)
                .toList());
  }
}
