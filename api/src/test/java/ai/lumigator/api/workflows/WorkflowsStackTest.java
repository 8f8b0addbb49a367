package ai.lumigator.api.workflows;

import static ai.lumigator.api.workflows.EvaluationsHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.testing.StackApi;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiments and workflows end to end: the real API and worker, real Temporal, Ray running the
 * jobs jar, S3Proxy, SQLite. The only stand-in is FakeChatServer, a local OpenAI-compatible server
 * that answers slowly, for the jobs that must still be running when the test acts.
 */
@Tag("stack")
class WorkflowsStackTest {
  @TempDir static Path dataDir;
  static StackApi stack;
  static EvaluationsHttp api;
  static FakeChatServer slow;
  static Jdbi jdbi;
  static S3Storage storage;
  static RayJobsClient ray;
  static String dialogsum;
  static String dialogsum500;
  static String namespace;

  @BeforeAll
  static void start() throws Exception {
    // a namespace of its own: no other test run's worker can take this run's tasks
    namespace = TestNamespaces.fresh();
    stack = StackApi.start(dataDir, "spring.temporal.namespace=" + namespace);
    api = new EvaluationsHttp(stack::uri);
    jdbi = stack.worker().getBean(Jdbi.class);
    storage = stack.worker().getBean(S3Storage.class);
    ray = stack.worker().getBean(RayJobsClient.class);
    dialogsum = api.uploadDataset(SampleData.file("dialogsum_exc.csv"));
    dialogsum500 = api.uploadDataset(SampleData.file("dialogsum_500.csv"));
    slow = FakeChatServer.start().latency(Duration.ofMillis(1500));
  }

  @AfterAll
  static void stop() {
    if (slow != null) slow.close();
    if (stack != null) stack.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  static String baseline(String experimentId, String name, String model) {
    return """
        {"name": "%s", "description": "baseline", "experiment_id": "%s",
         "model": "%s", "provider": "baseline"}
        """
        .formatted(name, experimentId, model);
  }

  static String slowWorkflow(String experimentId, String name, int timeoutSeconds) {
    return """
        {"name": "%s", "experiment_id": "%s", "model": "fake-model", "provider": "hosted_vllm",
         "base_url": "%s", "job_timeout_sec": %d}
        """
        .formatted(name, experimentId, slow.baseUrl(), timeoutSeconds);
  }

  static void keepHistory(String workflowId, String file) throws Exception {
    WorkflowClient client = stack.worker().getBean(WorkflowClient.class);
    Path histories = Path.of("target", "histories");
    Files.createDirectories(histories);
    Files.writeString(
        histories.resolve(file),
        client.fetchHistory(WorkflowIds.evaluation(workflowId)).toJson(true));
  }

  @Test
  void twoBaselinesOnDialogsumSucceedWithFlatMetricsCompiledResultsAndALeaderboard()
      throws Exception {
    String experiment =
        api.createExperiment("dialogsum baselines", dialogsum, "\"max_samples\": -1");
    String lead3 = api.createWorkflow(baseline(experiment, "lead 3", "lead-3"));
    String lead1 = api.createWorkflow(baseline(experiment, "lead 1", "lead-1"));

    JsonNode w3 = api.awaitWorkflow(lead3, EvaluationsHttp::ended, Duration.ofMinutes(4));
    JsonNode w1 = api.awaitWorkflow(lead1, EvaluationsHttp::ended, Duration.ofMinutes(4));
    keepHistory(lead3, "evaluation.json");

    for (JsonNode w : List.of(w3, w1)) {
      assertThat(w.path("status").asText()).as(w.toString()).isEqualTo("succeeded");
      assertThat(w.path("phase").asText()).isEqualTo("done");
      assertThat(w.path("failure_reason").isNull()).isTrue();
      assertThat(w.path("system_prompt").asText()).contains("expert in text summarization");
      JsonNode metrics = w.path("metrics");
      for (String key :
          List.of(
              "rouge_rouge1_mean",
              "rouge_rouge2_mean",
              "rouge_rougeL_mean",
              "rouge_rougeLsum_mean",
              "meteor_meteor_mean")) {
        assertThat(metrics.path(key).isNumber()).as(key + " in " + metrics).isTrue();
        double v = metrics.path(key).asDouble();
        assertThat(v).isBetween(0.0, 1.0);
        assertThat(Math.round(v * 1000) / 1000.0).as("rounded to 3 decimals").isEqualTo(v);
      }
      assertThat(metrics.has("rouge_rouge1")).as("no per-sample lists").isFalse();
      // baselines call no provider: no usage, no latency, no cost
      assertThat(metrics.has("prompt_tokens") || metrics.has("latency_p50_ms")).isFalse();
      assertThat(w.path("usage").isObject()).isTrue();
      w.path("usage").forEach(v -> assertThat(v.isNull()).as(w.path("usage").toString()).isTrue());
      assertThat(w.at("/parameters/inference_time").asDouble()).isPositive();
      assertThat(w.at("/parameters/evaluation_time").asDouble()).isPositive();
      assertThat(w.path("jobs").size()).isEqualTo(2);
      JsonNode inference = w.path("jobs").get(0);
      JsonNode evaluator = w.path("jobs").get(1);
      assertThat(inference.path("job_type").asText()).isEqualTo("inference");
      assertThat(evaluator.path("job_type").asText()).isEqualTo("evaluator");
      assertThat(parameter(inference, "ray_job_id")).isEqualTo(inference.path("id").asText());
      assertThat(parameter(evaluator, "ray_job_id")).isEqualTo(evaluator.path("id").asText());
      assertThat(parameter(evaluator, "eval_output_s3_path"))
          .endsWith("/jobs/results/" + evaluator.path("id").asText() + "/results.json");
      assertThat(metricNames(evaluator)).contains("rouge_rouge1_mean", "meteor_meteor_mean");
      assertThat(w.path("artifacts_download_url").asText()).contains("compiled.json");
    }

    // the jobs are real jobs of the experiment, named after the workflow
    JsonNode inferenceJob = json(api.get("/api/v1/jobs/" + w3.at("/jobs/0/id").asText()));
    assertThat(inferenceJob.path("name").asText()).isEqualTo("lead 3-inference");
    assertThat(inferenceJob.path("experiment_id").asText()).isEqualTo(experiment);
    assertThat(inferenceJob.path("status").asText()).isEqualTo("succeeded");
    JsonNode evaluatorJob = json(api.get("/api/v1/jobs/" + w3.at("/jobs/1/id").asText()));
    assertThat(evaluatorJob.path("name").asText()).isEqualTo("lead 3-evaluation");

    // the predictions dataset, as the spec names it
    String predictions = w3.at("/parameters/predictions_dataset_id").asText();
    JsonNode dataset = json(api.get("/api/v1/datasets/" + predictions));
    assertThat(dataset.path("filename").asText()).isEqualTo("dialogsum_exc-lead-3-predictions.csv");
    assertThat(dataset.path("generated").asBoolean()).isTrue();
    assertThat(dataset.path("generated_by").asText()).isEqualTo("lead-3");
    assertThat(dataset.path("run_id").asText()).isEqualTo(inferenceJob.path("id").asText());
    assertThat(dataset.path("ground_truth").asBoolean()).isTrue();
    JsonNode urls = json(api.get("/api/v1/datasets/" + predictions + "/download?extension=csv"));
    String csv = api.fetch(urls.at("/download_urls/0").asText()).body();
    assertThat(csv).startsWith("examples,ground_truth,predictions\r\n");

    // compiled.json: merged results of both jobs
    HttpResponse<String> download = api.get("/api/v1/workflows/" + lead3 + "/result/download");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    String url = json(download).asText();
    JsonNode compiled = json(api.fetch(url));
    assertThat(compiled.at("/artifacts/inference_time").isNumber()).isTrue();
    assertThat(compiled.at("/artifacts/evaluation_time").isNumber()).isTrue();
    assertThat(compiled.at("/artifacts/predictions").size()).isEqualTo(5);
    assertThat(compiled.at("/metrics/rouge/rouge1").size()).isEqualTo(5);
    assertThat(compiled.at("/parameters/inference_server/model").asText()).isEqualTo("lead-3");
    assertThat(compiled.at("/parameters/evaluation/metrics").toString())
        .contains("rouge", "meteor");
    assertThat(w3.at("/metrics/rouge_rouge1_mean").asDouble())
        .isCloseTo(compiled.at("/metrics/rouge/rouge1_mean").asDouble(), offset(0.0005));

    String logs = json(api.get("/api/v1/workflows/" + lead3 + "/logs")).path("logs").asText();
    assertThat(logs).contains("\n================\n");
    assertThat(logs.split("\n================\n", -1))
        .hasSize(2)
        .allSatisfy(part -> assertThat(part).isNotBlank());

    // the experiment with both workflows in detail, newest first
    JsonNode exp = json(api.get("/api/v1/experiments/" + experiment));
    assertThat(exp.path("workflows").size()).isEqualTo(2);
    assertThat(exp.at("/workflows/0/id").asText()).isEqualTo(lead1);
    assertThat(exp.at("/task_definition/task").asText()).isEqualTo("summarization");
    JsonNode listing = json(api.get("/api/v1/experiments/"));
    assertThat(listing.path("total").asLong()).isEqualTo(listing.path("items").size());
    assertThat(listing.path("items").findValuesAsText("id")).contains(experiment);

    // leaderboard: rouge1 mean by default, highest first; any metric either way; CSV
    double r3 = w3.at("/metrics/rouge_rouge1_mean").asDouble();
    double r1 = w1.at("/metrics/rouge_rouge1_mean").asDouble();
    JsonNode board = json(api.get("/api/v1/experiments/" + experiment + "/leaderboard"));
    assertThat(board.path("sort").asText()).isEqualTo("rouge_rouge1_mean");
    assertThat(board.path("order").asText()).isEqualTo("desc");
    assertThat(board.path("total").asInt()).isEqualTo(2);
    List<String> expected = r3 >= r1 ? List.of(lead3, lead1) : List.of(lead1, lead3);
    assertThat(board.path("items").findValuesAsText("workflow_id")).isEqualTo(expected);
    assertThat(board.at("/items/0/rank").asInt()).isEqualTo(1);
    assertThat(board.at("/items/0/metrics/rouge_rouge1_mean").asDouble())
        .isGreaterThanOrEqualTo(board.at("/items/1/metrics/rouge_rouge1_mean").asDouble());
    assertThat(board.at("/items/0/provider").asText()).isEqualTo("baseline");
    assertThat(board.at("/items/0/inference_time").asDouble()).isPositive();
    assertThat(board.at("/items/0/evaluation_time").asDouble()).isPositive();
    assertThat(board.at("/items/0/estimated_cost_usd").isNull()).isTrue();

    double m3 = w3.at("/metrics/meteor_meteor_mean").asDouble();
    double m1 = w1.at("/metrics/meteor_meteor_mean").asDouble();
    JsonNode byMeteor =
        json(
            api.get(
                "/api/v1/experiments/"
                    + experiment
                    + "/leaderboard?sort=meteor_meteor_mean&order=asc"));
    List<String> ascending = m3 <= m1 ? List.of(lead3, lead1) : List.of(lead1, lead3);
    assertThat(byMeteor.path("items").findValuesAsText("workflow_id")).isEqualTo(ascending);

    HttpResponse<String> unknown =
        api.get("/api/v1/experiments/" + experiment + "/leaderboard?sort=accuracy");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json(unknown).path("detail").asText())
        .startsWith("Unknown sort key 'accuracy'. Sort by one of: ")
        .contains(
            "rouge_rouge1_mean", "meteor_meteor_mean", "inference_time", "estimated_cost_usd");
    assertThat(api.get("/api/v1/experiments/" + experiment + "/leaderboard?order=up").statusCode())
        .isEqualTo(422);

    HttpResponse<String> csvBoard =
        api.get("/api/v1/experiments/" + experiment + "/leaderboard?format=csv");
    assertThat(csvBoard.statusCode()).isEqualTo(200);
    assertThat(csvBoard.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    String[] lines = csvBoard.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .startsWith("rank,workflow_id,name,model,provider,inference_time,evaluation_time,")
        .contains("rouge_rouge1_mean", "meteor_meteor_mean");
    assertThat(lines[1]).startsWith("1," + expected.get(0) + ",");
    assertThat(lines[2]).startsWith("2," + expected.get(1) + ",");
    List<String> header = List.of(lines[0].split(","));
    int rouge1 = header.indexOf("rouge_rouge1_mean");
    assertThat(Double.parseDouble(lines[1].split(",")[rouge1])).isEqualTo(Math.max(r3, r1));

    assertThat(lines[0])
        .endsWith(
            ",rouge_rouge1_mean_ci_low,rouge_rouge1_mean_ci_high,tied_with,estimated_cost_usd");
    assertThat(lines[1]).as("baselines are not charged").endsWith(",");

    // statistics: an interval around each mean, and the two models compared (exact: 2^5 samples)
    for (JsonNode entry : board.path("items")) {
      JsonNode ci = entry.at("/intervals/rouge_rouge1_mean");
      double mean = entry.at("/metrics/rouge_rouge1_mean").asDouble();
      assertThat(ci.path("low").asDouble()).isLessThanOrEqualTo(mean + 0.0005);
      assertThat(ci.path("high").asDouble()).isGreaterThanOrEqualTo(mean - 0.0005);
      assertThat(entry.path("intervals").has("meteor_meteor_mean")).isTrue();
    }
    assertThat(board.path("comparisons").size()).isEqualTo(1);
    JsonNode comparison = board.at("/comparisons/0");
    assertThat(comparison.path("workflow_a").asText()).isEqualTo(expected.get(0));
    assertThat(comparison.path("key").asText()).isEqualTo("rouge_rouge1_mean");
    assertThat(comparison.path("difference").asDouble())
        .isCloseTo(Math.abs(r3 - r1), offset(0.002));
    double p = comparison.path("p_value").asDouble();
    assertThat(p).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(comparison.path("significant").asBoolean()).isEqualTo(p < 0.05);
    assertThat(board.at("/items/0/tied_with").size()).isEqualTo(p < 0.05 ? 0 : 1);
    assertThat(board.at("/statistics/resamples").asInt()).isEqualTo(1000);
    JsonNode again = json(api.get("/api/v1/experiments/" + experiment + "/leaderboard"));
    assertThat(again.path("items")).isEqualTo(board.path("items"));
    assertThat(
            api.get("/api/v1/experiments/" + experiment + "/leaderboard?resamples=50").statusCode())
        .isEqualTo(422);
    assertThat(byMeteor.path("comparisons").size()).isEqualTo(1);
    JsonNode byTime =
        json(api.get("/api/v1/experiments/" + experiment + "/leaderboard?sort=inference_time"));
    assertThat(byTime.path("comparisons").size()).isZero();

    // the samples side by side, from both compiled.json
    JsonNode samples = json(api.get("/api/v1/experiments/" + experiment + "/samples"));
    assertThat(samples.path("total").asInt()).isEqualTo(5);
    assertThat(samples.path("workflows").findValuesAsText("workflow_id"))
        .containsExactly(lead3, lead1);
    assertThat(samples.path("keys").toString()).contains("rouge_rouge1", "meteor_meteor");
    assertThat(samples.path("notes").size()).isZero();
    assertThat(samples.path("items").size()).isEqualTo(5);
    JsonNode first = samples.at("/items/0");
    assertThat(first.path("index").asInt()).isZero();
    assertThat(first.path("ground_truth").asText())
        .isEqualTo(compiled.at("/artifacts/ground_truth/0").asText());
    assertThat(first.at("/predictions/" + lead3).asText())
        .isEqualTo(compiled.at("/artifacts/predictions/0").asText());
    assertThat(first.at("/scores/" + lead3 + "/rouge_rouge1").asDouble())
        .isEqualTo(compiled.at("/metrics/rouge/rouge1/0").asDouble());
    JsonNode bySpread =
        json(
            api.get(
                "/api/v1/experiments/" + experiment + "/samples?sort=rouge_rouge1&skip=0&limit=2"));
    assertThat(bySpread.path("items").size()).isEqualTo(2);
    double spread0 = spread(bySpread.at("/items/0/scores"), "rouge_rouge1");
    assertThat(spread0)
        .isGreaterThanOrEqualTo(spread(bySpread.at("/items/1/scores"), "rouge_rouge1"));
    HttpResponse<String> unknownKey =
        api.get("/api/v1/experiments/" + experiment + "/samples?sort=accuracy");
    assertThat(unknownKey.statusCode()).isEqualTo(422);
    assertThat(json(unknownKey).path("detail").asText()).contains("index, rouge_rouge1");
    assertThat(
            api.get("/api/v1/experiments/00000000-0000-0000-0000-000000000000/samples")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theSecondIdenticalWorkflowsInferenceIsServedFromTheCache() throws Exception {
    try (FakeChatServer model = FakeChatServer.start().latency(Duration.ofMillis(500))) {
      String experiment = api.createExperiment("cached", dialogsum, "");
      String body =
          """
          {"name": "%s", "experiment_id": "%s", "model": "cached-model", "provider": "hosted_vllm",
           "base_url": "%s", "generation_config": {"temperature": 0.0}, "metrics": ["rouge"]}
          """;
      long started = System.nanoTime();
      String first = api.createWorkflow(body.formatted("first", experiment, model.baseUrl()));
      JsonNode w1 = api.awaitWorkflow(first, EvaluationsHttp::ended, Duration.ofMinutes(4));
      long firstMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(w1.path("status").asText()).as(w1.toString()).isEqualTo("succeeded");
      int calls = model.requestCount();
      assertThat(calls).as("one call per row").isEqualTo(5);

      started = System.nanoTime();
      String second = api.createWorkflow(body.formatted("second", experiment, model.baseUrl()));
      JsonNode w2 = api.awaitWorkflow(second, EvaluationsHttp::ended, Duration.ofMinutes(4));
      long secondMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(w2.path("status").asText()).as(w2.toString()).isEqualTo("succeeded");
      assertThat(model.requestCount()).as("no new request to the model").isEqualTo(calls);

      JsonNode ran = json(api.get("/api/v1/jobs/" + w1.at("/jobs/0/id").asText()));
      JsonNode cached = json(api.get("/api/v1/jobs/" + w2.at("/jobs/0/id").asText()));
      String key = ran.at("/cache/key").asText();
      assertThat(key).matches("[0-9a-f]{64}");
      assertThat(ran.at("/cache/hit").asBoolean()).isFalse();
      assertThat(cached.path("cache").toString())
          .isEqualTo(
              "{\"use_cache\":true,\"key\":\"%s\",\"hit\":true,\"source_job_id\":\"%s\"}"
                  .formatted(key, ran.path("id").asText()));
      assertThat(cached.path("submission_id").isNull()).as("never on Ray").isTrue();
      assertThat(ray.get(cached.path("id").asText())).isEmpty();
      assertThat(
              json(api.get("/api/v1/jobs/" + cached.path("id").asText() + "/logs"))
                  .path("logs")
                  .asText())
          .contains("Served from the inference cache");

      // the same predictions, so the same evaluation; the results name their own job
      JsonNode c1 =
          json(
              api.fetch(json(api.get("/api/v1/workflows/" + first + "/result/download")).asText()));
      JsonNode c2 =
          json(
              api.fetch(
                  json(api.get("/api/v1/workflows/" + second + "/result/download")).asText()));
      assertThat(c2.at("/artifacts/predictions")).isEqualTo(c1.at("/artifacts/predictions"));
      assertThat(c2.path("metrics")).isEqualTo(c1.path("metrics"));
      assertThat(w2.path("metrics")).isEqualTo(w1.path("metrics"));
      String cachedId = cached.path("id").asText();
      String download =
          json(api.get("/api/v1/jobs/" + cachedId + "/result/download"))
              .path("download_url")
              .asText();
      JsonNode results = json(api.fetch(download));
      assertThat(results.at("/parameters/name").asText()).endsWith("/" + cachedId);
      assertThat(results.toString()).doesNotContain(ran.path("id").asText());
      assertThat(c2.toString()).doesNotContain(ran.path("id").asText());

      long ranMillis = jobMillis(ran);
      long cachedMillis = jobMillis(cached);
      System.out.printf(
          "inference cache: inference job %d ms on Ray, %d ms from the cache; workflow %d ms, then"
              + " %d ms%n",
          ranMillis, cachedMillis, firstMillis, secondMillis);
      assertThat(cachedMillis).isLessThan(ranMillis);
    }
  }

  /** From the job's creation to its last update (its end). */
  static long jobMillis(JsonNode job) {
    return java.time.OffsetDateTime.parse(job.path("updated_at").asText())
            .toInstant()
            .toEpochMilli()
        - java.time.OffsetDateTime.parse(job.path("created_at").asText())
            .toInstant()
            .toEpochMilli();
  }

  static double spread(JsonNode scores, String key) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (JsonNode s : scores) {
      min = Math.min(min, s.path(key).asDouble());
      max = Math.max(max, s.path(key).asDouble());
    }
    return max - min;
  }

  static String parameter(JsonNode job, String name) {
    for (JsonNode p : job.path("parameters")) {
      if (p.path("name").asText().equals(name)) return p.path("value").asText();
    }
    throw new AssertionError("no parameter " + name + " in " + job);
  }

  static List<String> metricNames(JsonNode job) {
    List<String> names = new ArrayList<>();
    for (JsonNode m : job.path("metrics")) names.add(m.path("name").asText());
    return names;
  }

  @Test
  void refusedRequestsSayWhyAndLeaveNothingBehind() {
    String textGeneration =
        api.createExperiment(
            "free text", dialogsum, "\"task_definition\": {\"task\": \"text-generation\"}");
    HttpResponse<String> noPrompt =
        api.post("/api/v1/workflows/", baseline(textGeneration, "tg", "lead-3"));
    assertThat(noPrompt.statusCode()).isEqualTo(400);
    assertThat(json(noPrompt).path("detail").asText())
        .isEqualTo("Default system_prompt not available for text-generation");

    String missing = "9b2e4b8e-1111-4c1c-9d59-0d7c3a0f0b7e";
    HttpResponse<String> noExperiment =
        api.post("/api/v1/workflows/", baseline(missing, "orphan", "lead-3"));
    assertThat(noExperiment.statusCode()).isEqualTo(400);
    assertThat(json(noExperiment).path("detail").asText())
        .isEqualTo("Cannot create workflow 'orphan': No experiment found.");

    String summarization = api.createExperiment("refusals", dialogsum, "");
    HttpResponse<String> noSecret =
        api.post(
            "/api/v1/workflows/",
            """
            {"name": "needs key", "experiment_id": "%s", "model": "gpt-4o-mini",
             "provider": "openai", "secret_key_name": "nobody_api_key"}
            """
                .formatted(summarization));
    assertThat(noSecret.statusCode()).isEqualTo(400);
    assertThat(json(noSecret).path("detail").asText())
        .isEqualTo(
            "Cannot create workflow 'needs key': Requested secret key 'nobody_api_key' is not"
                + " configured.");

    HttpResponse<String> shape =
        api.post(
            "/api/v1/workflows/",
            """
            {"experiment_id": "%s", "model": "lead-3", "provider": "baseline",
             "inference_output_field": 7}
            """
                .formatted(summarization));
    assertThat(shape.statusCode()).isEqualTo(422);
    assertThat(json(shape).path("detail").findValuesAsText("type"))
        .contains("missing", "string_type");

    HttpResponse<String> badGeneration =
        api.post(
            "/api/v1/workflows/",
            """
            {"name": "g", "experiment_id": "%s", "model": "lead-3", "provider": "baseline",
             "generation_config": {"max_new_tokens": 10, "beam_width": 3}, "metrics": ["rouge", 4]}
            """
                .formatted(summarization));
    assertThat(badGeneration.statusCode()).isEqualTo(422);
    JsonNode locs = json(badGeneration).path("detail");
    assertThat(locs.toString())
        .contains("[\"body\",\"generation_config\",\"beam_width\"]")
        .contains("[\"body\",\"metrics\",1]");

    HttpResponse<String> badMetric =
        api.post(
            "/api/v1/workflows/",
            """
            {"name": "m", "experiment_id": "%s", "model": "lead-3", "provider": "baseline",
             "metrics": ["rouge", "bertscore"]}
            """
                .formatted(summarization));
    assertThat(badMetric.statusCode()).isEqualTo(422);
    assertThat(json(badMetric).path("detail").asText())
        .contains("Unsupported metric(s): bertscore");

    // none of these left a workflow or a job
    assertThat(json(api.get("/api/v1/experiments/" + textGeneration)).path("workflows").size())
        .isZero();
    assertThat(json(api.get("/api/v1/experiments/" + summarization)).path("workflows").size())
        .isZero();

    HttpResponse<String> noDataset =
        api.post("/api/v1/experiments/", "{\"name\": \"x\", \"dataset\": \"" + missing + "\"}");
    assertThat(noDataset.statusCode()).isEqualTo(404);
    assertThat(json(noDataset).path("detail").asText())
        .isEqualTo("Dataset with ID " + missing + " not found");
    HttpResponse<String> badTask =
        api.post(
            "/api/v1/experiments/",
            "{\"name\": \"x\", \"dataset\": \""
                + dialogsum
                + "\", \"task_definition\": {\"task\": \"poetry\"}}");
    assertThat(badTask.statusCode()).isEqualTo(422);
    assertThat(json(badTask).at("/detail/0/loc").toString())
        .isEqualTo("[\"body\",\"task_definition\",\"task\"]");

    assertThat(api.get("/api/v1/experiments/" + missing).statusCode()).isEqualTo(404);
    assertThat(json(api.get("/api/v1/experiments/" + missing)).path("detail").asText())
        .isEqualTo("Experiment with ID " + missing + " not found");
    assertThat(json(api.get("/api/v1/workflows/" + missing)).path("detail").asText())
        .isEqualTo("Workflow with ID " + missing + " not found");
    assertThat(api.get("/api/v1/workflows/not-a-uuid").statusCode()).isEqualTo(422);
    assertThat(api.delete("/api/v1/experiments/" + missing).statusCode()).isEqualTo(404);
    assertThat(api.post("/api/v1/workflows/" + missing + "/stop", "").statusCode()).isEqualTo(404);
  }

  @Test
  void aJobPastItsTimeoutIsStoppedAndTheWorkflowFails() throws Exception {
    String experiment = api.createExperiment("timeouts", dialogsum500, "");
    // long enough for the job program to start and report progress on a busy machine (8 s was
    // not, with the stack tests running two at a time), far below the slow model's 500 samples
    String id = api.createWorkflow(slowWorkflow(experiment, "too slow", 20));

    // while it runs: the inference phase with the job's progress
    JsonNode running =
        api.awaitWorkflow(
            id,
            w -> w.path("status").asText().equals("running") && w.path("progress").isObject(),
            Duration.ofMinutes(2));
    assertThat(running.path("phase").asText()).isEqualTo("inference");
    assertThat(running.at("/progress/total").asLong()).isEqualTo(500);
    assertThat(running.at("/progress/job_id").asText())
        .isEqualTo(running.at("/jobs/0/id").asText());

    JsonNode ended = api.awaitWorkflow(id, EvaluationsHttp::ended, Duration.ofMinutes(2));
    keepHistory(id, "evaluation-timeout.json");

    assertThat(ended.path("status").asText()).isEqualTo("failed");
    String jobId = ended.at("/jobs/0/id").asText();
    assertThat(ended.path("failure_reason").asText())
        .isEqualTo(
            "Inference job "
                + jobId
                + " stopped: Job exceeded its timeout of 20 s and was stopped");
    assertThat(ended.at("/jobs/0/status").asText()).isEqualTo("stopped");
    assertThat(ended.path("jobs").size()).as("no evaluator after a failed inference").isEqualTo(1);
    assertThat(awaitRay(jobId, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
    assertThat(ended.path("metrics").isNull()).isTrue();
    assertThat(api.get("/api/v1/workflows/" + id + "/result/download").statusCode()).isEqualTo(409);
    assertThat(api.post("/api/v1/workflows/" + id + "/stop", "").statusCode()).isEqualTo(409);
  }

  @Test
  void deletingARunningWorkflowNeedsForceWhichStopsItsRayJob() throws Exception {
    String experiment = api.createExperiment("deletes", dialogsum500, "");
    String id = api.createWorkflow(slowWorkflow(experiment, "deleted while running", 3600));
    String jobId = awaitRayRunning(id);

    HttpResponse<String> refused = api.delete("/api/v1/workflows/" + id);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).path("detail").asText()).isEqualTo("Cannot delete a running workflow");
    assertThat(ray.get(jobId).orElseThrow().status()).isEqualTo(RayJobStatus.RUNNING);

    HttpResponse<String> forced = api.delete("/api/v1/workflows/" + id + "?force=true");
    assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
    assertThat(json(forced).path("id").asText()).isEqualTo(id);
    assertThat(json(forced).path("status").asText()).isEqualTo("failed");
    keepHistory(id, "evaluation-stopped.json");

    assertThat(awaitRay(jobId, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
    assertThat(api.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(404);
    assertThat(jdbi.onDemand(WorkflowDao.class).jobsOf(id)).isEmpty();
  }

  @Test
  void stoppingARunningWorkflowStopsItsJobAndRecordsStoppedByUser() throws Exception {
    String experiment = api.createExperiment("stops", dialogsum500, "");
    String id = api.createWorkflow(slowWorkflow(experiment, "stopped", 3600));
    String jobId = awaitRayRunning(id);

    HttpResponse<String> stopped = api.post("/api/v1/workflows/" + id + "/stop", "");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(json(stopped).path("status").asText()).isEqualTo("failed");

    JsonNode w = json(api.get("/api/v1/workflows/" + id));
    assertThat(w.path("failure_reason").asText()).isEqualTo("stopped by user");
    assertThat(w.path("phase").asText()).isEqualTo("done");
    assertThat(w.at("/jobs/0/status").asText()).isEqualTo("stopped");
    assertThat(awaitRay(jobId, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
  }

  @Test
  void aWorkflowTerminatedBehindOurBackIsRecordedFailedAndItsJobStopped() throws Exception {
    String experiment = api.createExperiment("terminations", dialogsum500, "");
    String id = api.createWorkflow(slowWorkflow(experiment, "terminated", 3600));
    String jobId = awaitRayRunning(id);

    // an operator terminates the evaluation workflow: no workflow code runs to record anything
    WorkflowClient client = stack.worker().getBean(WorkflowClient.class);
    client.newUntypedWorkflowStub(WorkflowIds.evaluation(id)).terminate("operator");

    // the child is asked to cancel (parent close policy), so the Ray job is stopped all the same
    assertThat(awaitRay(jobId, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
    JsonNode w = json(api.get("/api/v1/workflows/" + id));
    assertThat(w.path("status").asText()).isEqualTo("failed");
    assertThat(w.path("failure_reason").asText())
        .isEqualTo("The workflow ended without recording an outcome (terminated or timed out)");
    assertThat(w.path("phase").asText()).isEqualTo("done");
    JsonNode job =
        api.awaitWorkflow(
            id, x -> x.at("/jobs/0/status").asText().equals("stopped"), Duration.ofMinutes(1));
    assertThat(job.at("/jobs/0/status").asText()).isEqualTo("stopped");
  }

  @Test
  void deletingAnExperimentStopsItsWorkflowsAndRemovesEverythingTheyMade() throws Exception {
    String experiment = api.createExperiment("to delete", dialogsum500, "");
    String done = api.createWorkflow(baseline(experiment, "finished", "lead-2"));
    JsonNode finished = api.awaitWorkflow(done, EvaluationsHttp::ended, Duration.ofMinutes(4));
    assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("succeeded");
    String slowOne = api.createWorkflow(slowWorkflow(experiment, "still running", 3600));
    String runningJob = awaitRayRunning(slowOne);

    List<String> jobs = new ArrayList<>();
    finished.path("jobs").forEach(j -> jobs.add(j.path("id").asText()));
    jobs.add(runningJob);
    String predictions = finished.at("/parameters/predictions_dataset_id").asText();
    List<String> keys = new ArrayList<>();
    keys.add("workflows/results/" + done + "/compiled.json");
    keys.add("datasets/" + predictions + "/");
    for (String jobId : jobs) {
      JobDao jobDao = jdbi.onDemand(JobDao.class);
      String resultsKey = jobDao.findById(jobId).orElseThrow().resultsKey();
      if (resultsKey != null) keys.add(resultsKey);
    }
    assertThat(storage.exists("workflows/results/" + done + "/compiled.json")).isTrue();

    HttpResponse<String> deleted = api.delete("/api/v1/experiments/" + experiment);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    assertThat(awaitRay(runningJob, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
    assertThat(api.get("/api/v1/experiments/" + experiment).statusCode()).isEqualTo(404);
    for (String w : List.of(done, slowOne)) {
      assertThat(api.get("/api/v1/workflows/" + w).statusCode()).isEqualTo(404);
    }
    for (String jobId : jobs) {
      assertThat(api.get("/api/v1/jobs/" + jobId).statusCode()).as(jobId).isEqualTo(404);
    }
    assertThat(api.get("/api/v1/datasets/" + predictions).statusCode()).isEqualTo(404);
    assertThat(jdbi.onDemand(DatasetDao.class).findById(predictions)).isEmpty();
    for (String key : keys) {
      assertThat(storage.list(key)).as(key).isEmpty();
    }
    // the uploaded dataset the experiment ran on stays
    assertThat(api.get("/api/v1/datasets/" + dialogsum).statusCode()).isEqualTo(200);
  }

  /** Ray's status of a job once it is {@code expected}, or the last one seen after a minute. */
  static RayJobStatus awaitRay(String jobId, RayJobStatus expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    RayJobStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      last = ray.get(jobId).orElseThrow().status();
      if (last == expected) return last;
      Thread.sleep(250);
    }
    return last;
  }

  /** Waits until the workflow's inference job runs on Ray; returns the job id. */
  static String awaitRayRunning(String workflowId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      JsonNode w = json(api.get("/api/v1/workflows/" + workflowId));
      if (w.path("jobs").size() > 0) {
        String jobId = w.at("/jobs/0/id").asText();
        var job = ray.get(jobId);
        if (job.isPresent() && job.get().status() == RayJobStatus.RUNNING) {
          return jobId;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the inference job of " + workflowId + " never ran on Ray");
  }
}
