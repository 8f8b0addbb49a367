package ai.lumigator.api.workflows;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.api.ApiApplication;
import ai.lumigator.api.testing.WorkerProcess;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.util.Timestamps;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workflow benchmark on the real local stack (run by bench/workflows.sh; not a test: surefire does
 * not pick up *Benchmark classes by itself). N workflows (baseline lead-3 on dialogsum_exc.csv) are
 * created at once through the API; the worker is its own JVM from the exec jar, its heap sampled
 * with jstat. Prints lines starting with {@code BENCH}:
 *
 * <ul>
 *   <li>wall time from the first POST until every workflow ended;
 *   <li>orchestration overhead per workflow: (Temporal close − start of evaluation-{id}) minus the
 *       two Ray jobs' own run time (Ray's end_time − start_time of each), with where it is spent:
 *       before the inference job reached Ray, between the jobs, after the evaluator;
 *   <li>the worker's peak heap use.
 * </ul>
 *
 * Knobs (system properties): bench.workflows (50), bench.pollInterval (the worker's Ray poll
 * interval, default 1s as configured), bench.workerXmx (512m), bench.warmup (workflows run one
 * after the other before the measured ones, default 1), bench.oneByOne (measure the N workflows one
 * after the other instead of all at once: the overhead without contention), bench.deleteNamespace
 * (delete the run's namespace at the end; by default it is kept, see {@link
 * #reportNamespaceDeletions}).
 */
@Tag("stack")
class WorkflowsBenchmark {
  @TempDir Path dataDir;

  @Test
  void figures() throws Exception {
    int n = Integer.getInteger("bench.workflows", 50);
    String pollInterval = System.getProperty("bench.pollInterval", "1s");
    String xmx = System.getProperty("bench.workerXmx", "512m");
    int warmup = Integer.getInteger("bench.warmup", 1);
    String namespace = TestNamespaces.fresh();
    ConfigurableApplicationContext apiContext =
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--server.port=0",
                "--spring.temporal.namespace=" + namespace,
                "--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
                "--lumigator.secrets.key=" + StackWorker.TEST_SECRET_KEY);
    WorkerProcess worker = null;
    HeapSampler heap = null;
    try {
      reportNamespaceDeletions(apiContext.getBean(WorkflowClient.class));
      int port = ((WebServerApplicationContext) apiContext).getWebServer().getPort();
      EvaluationsHttp api = new EvaluationsHttp(p -> URI.create("http://127.0.0.1:" + port + p));
      worker =
          WorkerProcess.startReady(
              "bench-" + namespace,
              namespace,
              "jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
              Path.of("target", "worker-logs"),
              List.of("-Xmx" + xmx),
              Map.of("LUMIGATOR_RAY_POLL_INTERVAL", pollInterval));
      heap = HeapSampler.start(worker.pid());
      String dataset = api.uploadDataset(SampleData.file("dialogsum_exc.csv"));
      String experiment = api.createExperiment("bench", dataset, "");
      for (int i = 0; i < warmup; i++) {
        // a warm worker (classes loaded, JIT-compiled, Ray package cached), as in a running system
        String id =
            api.createWorkflow(
                """
                {"name": "warm-up", "experiment_id": "%s", "model": "lead-1", "provider": "baseline",
                 "use_cache": false}
                """
                    .formatted(experiment));
        api.awaitWorkflow(id, EvaluationsHttp::ended, Duration.ofMinutes(5));
      }

      boolean oneByOne = Boolean.getBoolean("bench.oneByOne");
      long t0 = System.currentTimeMillis();
      List<JsonNode> ended = new ArrayList<>();
      long posted;
      if (oneByOne) {
        // each workflow alone, after the previous one ended: the overhead without contention
        for (int i = 0; i < n; i++) {
          String id = api.createWorkflow(benchWorkflow(i, experiment));
          ended.add(api.awaitWorkflow(id, EvaluationsHttp::ended, Duration.ofMinutes(5)));
        }
        posted = 0;
      } else {
        ExecutorService posts = Executors.newFixedThreadPool(n);
        List<CompletableFuture<String>> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          String body = benchWorkflow(i, experiment);
          created.add(CompletableFuture.supplyAsync(() -> api.createWorkflow(body), posts));
        }
        List<String> ids = created.stream().map(CompletableFuture::join).toList();
        posted = System.currentTimeMillis() - t0;
        posts.shutdown();

        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        for (String id : ids) {
          ended.add(
              api.awaitWorkflow(
                  id, EvaluationsHttp::ended, Duration.between(Instant.now(), deadline)));
        }
      }
      long wall = System.currentTimeMillis() - t0;
      long peak = heap.stop();
      long failed =
          ended.stream().filter(w -> !w.path("status").asText().equals("succeeded")).count();

      RayJobsClient ray = apiContext.getBean(RayJobsClient.class);
      WorkflowClient client = apiContext.getBean(WorkflowClient.class);
      List<Timing> timings = new ArrayList<>();
      for (JsonNode w : ended) {
        if (w.path("status").asText().equals("succeeded")) timings.add(timing(w, ray, client));
      }

      System.out.printf(
          "BENCH workflows: %d created %s (POSTs done in %d ms), %d succeeded, %d failed;"
              + " wall time first POST -> all ended %.1f s (Ray poll interval %s, %d CPUs)%n",
          n,
          oneByOne ? "one after the other" : "at once",
          posted,
          n - failed,
          failed,
          wall / 1000.0,
          pollInterval,
          Runtime.getRuntime().availableProcessors());
      for (JsonNode w : ended) {
        if (!w.path("status").asText().equals("succeeded")) {
          String reason = w.path("failure_reason").asText();
          System.out.printf(
              "BENCH   failed %s: %s%n",
              w.path("id").asText(),
              reason.substring(0, Math.min(220, reason.length())).replace('\n', ' '));
        }
      }
      System.out.printf(
          "BENCH overhead per succeeded workflow beyond its two Ray jobs' run time: median %.3f s, p90 %.3f"
              + " s, min %.3f s, max %.3f s (target median < 1 s)%n",
          percentile(timings, Timing::overhead, 50),
          percentile(timings, Timing::overhead, 90),
          percentile(timings, Timing::overhead, 0),
          percentile(timings, Timing::overhead, 100));
      System.out.printf(
          "BENCH   of which (medians): workflow start -> inference on Ray %.3f s; inference end ->"
              + " evaluator on Ray %.3f s; evaluator end -> workflow closed %.3f s%n",
          percentile(timings, Timing::before, 50),
          percentile(timings, Timing::between, 50),
          percentile(timings, Timing::after, 50));
      System.out.printf(
          "BENCH   by cause (medians): Submit activities (Ray Jobs API included) %.3f s; noticing"
              + " Ray's end (poll) %.3f s; job steps after Ray (logs, results, predictions dataset)"
              + " %.3f s; the rest (evaluation workflow's own steps, task scheduling) %.3f s%n",
          percentile(timings, Timing::submit, 50),
          percentile(timings, Timing::noticeEnd, 50),
          percentile(timings, Timing::afterRay, 50),
          percentile(timings, Timing::remainder, 50));
      System.out.printf(
          "BENCH   Ray jobs' own run time (medians): inference %.3f s, evaluator %.3f s;"
              + " workflow start -> close median %.3f s%n",
          percentile(timings, Timing::inferenceRun, 50),
          percentile(timings, Timing::evaluatorRun, 50),
          percentile(timings, Timing::total, 50));
      activityLatencies(client, ended);
      System.out.printf(
          "BENCH worker peak heap used: %.1f MiB (-Xmx%s, sampled every 100 ms with jstat)%n",
          peak / 1024.0 / 1024.0, xmx);
    } finally {
      if (heap != null) heap.stop();
      if (worker != null) {
        worker.close();
      }
      apiContext.close();
      if (Boolean.getBoolean("bench.deleteNamespace")) {
        TestNamespaces.delete(namespace);
      } else {
        System.out.println("BENCH namespace kept: " + namespace);
      }
    }
  }

  /**
   * Deleting a namespace makes the dev server delete its executions, which keeps it busy (runs
   * during a deletion measured up to twice the overhead) and, on this server, can retry for a long
   * time ("System Persistence Max QPS Reached"). The benchmark keeps its own namespace unless told
   * otherwise, and says how many deletions are running as it starts.
   */
  static void reportNamespaceDeletions(WorkflowClient client) {
    long deleting =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .listWorkflowExecutions(
                ListWorkflowExecutionsRequest.newBuilder()
                    .setNamespace("temporal-system")
                    .setQuery("ExecutionStatus='Running'")
                    .setPageSize(1000)
                    .build())
            .getExecutionsList()
            .stream()
            .filter(e -> e.getType().getName().equals("temporal-sys-delete-executions-workflow"))
            .count();
    System.out.printf(
        "BENCH namespace deletions running on the server at the start: %d%s%n",
        deleting, deleting == 0 ? "" : " (they load the server: figures may be worse)");
  }

  /** The same inference each time: the cache is off, so every one runs on Ray as measured. */
  static String benchWorkflow(int i, String experiment) {
    return """
        {"name": "bench %d", "experiment_id": "%s", "model": "lead-3", "provider": "baseline",
         "use_cache": false}
        """
        .formatted(i, experiment);
  }

  /**
   * Seconds: Temporal's start/close of the evaluation workflow and Ray's times of both jobs, and
   * where the rest went (from the job workflows' histories): the Submit activities (Ray's Jobs API
   * included), noticing that Ray ended a job (the wait polls), each job's steps after Ray (logs,
   * results, the predictions dataset), and the remainder (the evaluation workflow's own steps and
   * task scheduling).
   */
  record Timing(
      double total,
      double inferenceRun,
      double evaluatorRun,
      double before,
      double between,
      double after,
      double submit,
      double noticeEnd,
      double afterRay) {
    double overhead() {
      return total - inferenceRun - evaluatorRun;
    }

    double remainder() {
      return overhead() - submit - noticeEnd - afterRay;
    }
  }

  static Timing timing(JsonNode workflow, RayJobsClient ray, WorkflowClient client) {
    WorkflowExecutionInfo info =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(
                        WorkflowExecution.newBuilder()
                            .setWorkflowId(WorkflowIds.evaluation(workflow.path("id").asText())))
                    .build())
            .getWorkflowExecutionInfo();
    long start = Timestamps.toMillis(info.getStartTime());
    long close = Timestamps.toMillis(info.getCloseTime());
    String inferenceId = workflow.at("/jobs/0/id").asText();
    String evaluatorId = workflow.at("/jobs/1/id").asText();
    RayJobDetails inference = ray.get(inferenceId).orElseThrow();
    RayJobDetails evaluator = ray.get(evaluatorId).orElseThrow();
    JobSteps inferenceSteps = JobSteps.of(client, inferenceId);
    JobSteps evaluatorSteps = JobSteps.of(client, evaluatorId);
    return new Timing(
        (close - start) / 1000.0,
        (inference.endTime() - inference.startTime()) / 1000.0,
        (evaluator.endTime() - evaluator.startTime()) / 1000.0,
        (inference.startTime() - start) / 1000.0,
        (evaluator.startTime() - inference.endTime()) / 1000.0,
        (close - evaluator.endTime()) / 1000.0,
        (inferenceSteps.submitMillis() + evaluatorSteps.submitMillis()) / 1000.0,
        (inferenceSteps.awaitEnded()
                - inference.endTime()
                + evaluatorSteps.awaitEnded()
                - evaluator.endTime())
            / 1000.0,
        (inferenceSteps.closed()
                - inferenceSteps.awaitEnded()
                + evaluatorSteps.closed()
                - evaluatorSteps.awaitEnded())
            / 1000.0);
  }

  /**
   * From a job workflow's history (epoch ms): how long its Submit activity ran (schedule to
   * completion), when its Await activity completed, when the workflow closed.
   */
  record JobSteps(long submitMillis, long awaitEnded, long closed) {
    static JobSteps of(WorkflowClient client, String jobId) {
      List<HistoryEvent> events = client.fetchHistory(WorkflowIds.job(jobId)).getEvents();
      Map<Long, String> scheduled = new HashMap<>();
      Map<Long, Long> scheduledAt = new HashMap<>();
      long submit = 0;
      long awaitEnded = 0;
      long closed = 0;
      for (HistoryEvent e : events) {
        long at = Timestamps.toMillis(e.getEventTime());
        if (e.hasActivityTaskScheduledEventAttributes()) {
          scheduled.put(
              e.getEventId(),
              e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
          scheduledAt.put(e.getEventId(), at);
        } else if (e.hasActivityTaskCompletedEventAttributes()) {
          long id = e.getActivityTaskCompletedEventAttributes().getScheduledEventId();
          String name = scheduled.get(id);
          if ("Submit".equals(name)) submit += at - scheduledAt.get(id);
          if ("Await".equals(name)) awaitEnded = at;
        } else if (e.hasWorkflowExecutionCompletedEventAttributes()) {
          closed = at;
        }
      }
      return new JobSteps(submit, awaitEnded, closed);
    }
  }

  /**
   * Per activity type over every workflow of the run (evaluation, jobs, dataset ingests): median
   * and p90 of the wait in the task queue (scheduled → started) and of the run (started →
   * completed), to tell a saturated queue from slow work.
   */
  static void activityLatencies(WorkflowClient client, List<JsonNode> workflows) {
    Map<String, List<Long>> waits = new java.util.TreeMap<>();
    Map<String, List<Long>> runs = new java.util.TreeMap<>();
    List<String> ids = new ArrayList<>();
    for (JsonNode w : workflows) {
      ids.add(WorkflowIds.evaluation(w.path("id").asText()));
      for (JsonNode job : w.path("jobs")) {
        ids.add(WorkflowIds.job(job.path("id").asText()));
        for (JsonNode p : job.path("parameters")) {
          if (p.path("name").asText().equals("generated_dataset_id")) {
            ids.add(WorkflowIds.datasetIngest(p.path("value").asText()));
          }
        }
      }
    }
    for (String id : ids) {
      Map<Long, String> names = new HashMap<>();
      Map<Long, Long> scheduled = new HashMap<>();
      Map<Long, Long> started = new HashMap<>();
      for (HistoryEvent e : client.fetchHistory(id).getEvents()) {
        long at = Timestamps.toMillis(e.getEventTime());
        if (e.hasActivityTaskScheduledEventAttributes()) {
          names.put(
              e.getEventId(),
              e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
          scheduled.put(e.getEventId(), at);
        } else if (e.hasWorkflowTaskScheduledEventAttributes()) {
          names.put(e.getEventId(), "(workflow task)");
          scheduled.put(e.getEventId(), at);
        } else if (e.hasWorkflowTaskStartedEventAttributes()) {
          started.put(e.getWorkflowTaskStartedEventAttributes().getScheduledEventId(), at);
        } else if (e.hasWorkflowTaskCompletedEventAttributes()) {
          long s = e.getWorkflowTaskCompletedEventAttributes().getScheduledEventId();
          if (started.containsKey(s)) {
            waits
                .computeIfAbsent("(workflow task)", k -> new ArrayList<>())
                .add(started.get(s) - scheduled.get(s));
            runs.computeIfAbsent("(workflow task)", k -> new ArrayList<>())
                .add(at - started.get(s));
          }
        } else if (e.hasActivityTaskStartedEventAttributes()) {
          started.put(e.getActivityTaskStartedEventAttributes().getScheduledEventId(), at);
        } else if (e.hasActivityTaskCompletedEventAttributes()) {
          long s = e.getActivityTaskCompletedEventAttributes().getScheduledEventId();
          String name = names.get(s);
          // the started event of an activity is written when it completes: its time is the start
          waits
              .computeIfAbsent(name, k -> new ArrayList<>())
              .add(started.get(s) - scheduled.get(s));
          runs.computeIfAbsent(name, k -> new ArrayList<>()).add(at - started.get(s));
        }
      }
    }
    StringBuilder line =
        new StringBuilder("BENCH   activities, queue wait / run in ms (median, p90):");
    waits.forEach(
        (name, w) ->
            line.append(
                String.format(
                    " %s %d/%d, %d/%d;",
                    name,
                    pct(w, 50),
                    pct(w, 90),
                    pct(runs.get(name), 50),
                    pct(runs.get(name), 90))));
    System.out.println(line);
  }

  static long pct(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static double percentile(List<Timing> timings, ToDoubleFunction<Timing> f, int p) {
    List<Double> values = new ArrayList<>(timings.stream().map(f::applyAsDouble).toList());
    Collections.sort(values);
    if (p == 50 && values.size() % 2 == 0) {
      int m = values.size() / 2;
      return (values.get(m - 1) + values.get(m)) / 2;
    }
    int i = (int) Math.ceil(p / 100.0 * values.size()) - 1;
    return values.get(Math.max(0, Math.min(values.size() - 1, i)));
  }

  /** Samples a JVM's used heap (young + old, from jstat -gc) and keeps the largest value. */
  /**
   * One {@code jstat -gc <pid> 100} process for the whole run, its lines parsed as they come:
   * starting a jstat JVM per sample would itself keep a CPU busy and skew the figures.
   */
  static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private final Process jstat;
    private final Thread reader;

    private HeapSampler(long pid) throws IOException {
      jstat =
          new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100")
              .redirectErrorStream(true)
              .start();
      reader =
          new Thread(
              () -> {
                try (var lines =
                    new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                            jstat.getInputStream(), StandardCharsets.UTF_8))) {
                  List<String> header = null;
                  for (String line; (line = lines.readLine()) != null; ) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 0 && fields[0].equals("S0C")) {
                      header = List.of(fields);
                    } else if (header != null) {
                      used(header, fields).ifPresent(u -> peak.accumulateAndGet(u, Math::max));
                    }
                  }
                } catch (IOException e) {
                  // jstat ended (the worker exited, or stop() destroyed it)
                }
              },
              "heap-sampler");
      reader.setDaemon(true);
    }

    static HeapSampler start(long pid) throws IOException {
      HeapSampler s = new HeapSampler(pid);
      s.reader.start();
      return s;
    }

    long stop() throws InterruptedException {
      jstat.destroy();
      reader.join(5000);
      return peak.get();
    }

    /** S0U + S1U + EU + OU of a {@code jstat -gc} line, in bytes. */
    static Optional<Long> used(List<String> header, String[] values) {
      try {
        double kb = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
          kb += Double.parseDouble(values[header.indexOf(column)]);
        }
        return Optional.of((long) (kb * 1024));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
