package ai.lumigator.api.jobs;

import static ai.lumigator.api.jobs.JobsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job endpoints end to end: the real API and worker, real Temporal, Ray running the jobs jar,
 * S3Proxy, SQLite. The only stand-in is FakeChatServer, a local OpenAI-compatible server.
 */
@Tag("stack")
class JobsStackTest {
  @TempDir static Path dataDir;
  static String namespace;
  static ConfigurableApplicationContext worker;
  static JobsApi api;
  static FakeChatServer slow;
  static S3Storage storage;
  static Jdbi jdbi;
  static String dialogsum;
  static String dialogsum500;

  @BeforeAll
  static void start() throws Exception {
    // a namespace of its own: no other test run's worker can take this class's tasks
    namespace = TestNamespaces.fresh();
    worker = StackWorker.start(dataDir, "spring.temporal.namespace=" + namespace);
    api = JobsApi.start(dataDir, "spring.temporal.namespace=" + namespace);
    storage = worker.getBean(S3Storage.class);
    jdbi = worker.getBean(Jdbi.class);
    dialogsum = TestDatasets.fromFile(storage, jdbi, SampleData.file("dialogsum_exc.csv"));
    dialogsum500 = TestDatasets.fromFile(storage, jdbi, SampleData.file("dialogsum_500.csv"));
    slow = FakeChatServer.start().latency(Duration.ofMillis(1500));
  }

  @AfterAll
  static void stop() {
    if (slow != null) slow.close();
    if (api != null) api.close();
    if (worker != null) worker.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  static String inference(String name, String datasetId, String extra) {
    return """
        {"name": "%s", "description": "d", "dataset": "%s", %s
         "job_config": {"job_type": "inference", "model": "lead-3", "provider": "baseline"}}
        """
        .formatted(name, datasetId, extra);
  }

  static String slowInference(String name, String extra) {
    return """
        {"name": "%s", "dataset": "%s", %s
         "job_config": {"job_type": "inference", "model": "fake-model",
                        "provider": "hosted_vllm", "base_url": "%s"}}
        """
        .formatted(name, dialogsum500, extra, slow.baseUrl());
  }

  static String create(String path, String body) {
    HttpResponse<String> r = api.post(path, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = json(r).path("id").asText();
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/jobs/" + id));
    assertThat(json(r).path("status").asText()).isEqualTo("created");
    // as with the original, Ray has the job when the answer comes (the SDK asks Ray at once)
    assertThat(worker.getBean(RayJobsClient.class).get(id)).as("Ray's job " + id).isPresent();
    return id;
  }

  static JsonNode fetch(String url) {
    HttpResponse<String> r = api.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    assertThat(r.statusCode()).isEqualTo(200);
    return json(r);
  }

  static JobRow row(String id) {
    return jdbi.onDemand(JobDao.class).findById(id).orElseThrow();
  }

  static RayJobStatus awaitRay(String id, RayJobStatus expected) throws InterruptedException {
    RayJobsClient ray = worker.getBean(RayJobsClient.class);
    Instant deadline = Instant.now().plusSeconds(60);
    RayJobStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      last = ray.get(id).orElseThrow().status();
      if (last == expected) return last;
      Thread.sleep(250);
    }
    return last;
  }

  /** Keeps a real history: JobWorkflowReplayTest replays the current code against it. */
  static void keepHistory(String jobId, String file) throws Exception {
    keepWorkflowHistory(WorkflowIds.job(jobId), file);
  }

  static void keepWorkflowHistory(String workflowId, String file) throws Exception {
    Path histories = Path.of("target", "histories");
    Files.createDirectories(histories);
    Files.writeString(
        histories.resolve(file),
        api.context().getBean(WorkflowClient.class).fetchHistory(workflowId).toJson(true));
  }

  @Test
  void hostileJobNamesAreMetadataTheResultsAreStoredUnderTheIdAndDownload() throws Exception {
    // as the client means them; sent with JSON's escapes for CR/LF and backslash
    List<String> names = List.of("..", "../../etc", "a/b\\c", "x\r\ny", "日本語 ✓ ü");
    List<String> ids = new ArrayList<>();
    for (String name : names) {
      String escaped = name.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
      ids.add(create("/api/v1/jobs/inference/", inference(escaped, dialogsum, "")));
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(3));
      assertThat(job.path("status").asText()).as(names.get(i) + ": " + job).isEqualTo("succeeded");
      assertThat(job.path("name").asText()).isEqualTo(names.get(i));
      String url =
          json(api.get("/api/v1/jobs/" + id + "/result/download")).path("download_url").asText();
      assertThat(URI.create(url).getPath()).endsWith("/jobs/results/" + id + "/results.json");
      assertThat(fetch(url).at("/artifacts/predictions").size()).as(names.get(i)).isPositive();
    }
  }

  @Test
  void baselineInferenceThenEvaluatorOnItsPredictionsSucceed() throws Exception {
    // the hostile-names test runs the same job: without the cache off, this one could be served
    // from it, and never reach Ray whose details it checks
    String id =
        create(
            "/api/v1/jobs/inference/",
            inference("lead-3 on dialogsum", dialogsum, "")
                .replace(
                    "\"provider\": \"baseline\"",
                    "\"provider\": \"baseline\", \"use_cache\": false"));

    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(3));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("type").asText()).isEqualTo("SUBMISSION");
    assertThat(job.path("submission_id").asText()).isEqualTo(id);
    assertThat(job.at("/cache/use_cache").asBoolean()).isFalse();
    assertThat(job.at("/cache/hit").asBoolean()).isFalse();
    assertThat(job.path("driver_exit_code").asInt()).isZero();
    assertThat(job.path("start_time").asLong()).isPositive();
    assertThat(job.path("end_time").asLong())
        .isGreaterThanOrEqualTo(job.path("start_time").asLong());
    assertThat(job.at("/metadata/job_type").asText()).isEqualTo("inference");
    assertThat(job.at("/runtime_env/env_vars/MZAI_JOB_ID").asText()).isEqualTo(id);
    assertThat(job.at("/config/dataset/id").asText()).isEqualTo(dialogsum);
    assertThat(job.at("/config/dataset/name").asText()).isEqualTo("dialogsum_exc.csv");
    assertThat(job.at("/config/model_name_or_path").asText()).isEqualTo("lead-3");
    assertThat(job.at("/config/max_samples").asInt()).isEqualTo(-1);
    assertThat(job.at("/progress/done").asLong())
        .isEqualTo(job.at("/progress/total").asLong())
        .isPositive();

    // the summary has no per-sample arrays; the full results.json is one presigned URL away
    JsonNode summary = json(api.get("/api/v1/jobs/" + id + "/result"));
    assertThat(summary.at("/artifacts/model").asText()).isEqualTo("lead-3");
    assertThat(summary.at("/artifacts/predictions").isMissingNode()).isTrue();
    assertThat(summary.at("/parameters/inference_server/provider").asText()).isEqualTo("baseline");
    JsonNode download = json(api.get("/api/v1/jobs/" + id + "/result/download"));
    assertThat(download.path("download_url").asText())
        .contains("jobs/results/" + id + "/results.json");
    JsonNode results = fetch(download.path("download_url").asText());
    JsonNode examples = results.at("/artifacts/examples");
    JsonNode predictions = results.at("/artifacts/predictions");
    assertThat(predictions.size())
        .isEqualTo(examples.size())
        .isEqualTo(job.at("/progress/total").asInt());
    assertThat(predictions.get(0).asText())
        .isEqualTo(
            "#Person1#: Hello, how are you doing today?\n"
                + "#Person2#: I ' Ve been having trouble breathing lately.\n"
                + "#Person1#: Have you had any type of cold lately?");
    for (int i = 0; i < predictions.size(); i++) {
      String[] lines = predictions.get(i).asText().split("\n");
      assertThat(lines.length).isBetween(1, 3);
      String example = examples.get(i).asText().replaceAll("\\s+", " ");
      int from = 0;
      for (String line : lines) {
        int at = example.indexOf(line.replaceAll("\\s+", " ").trim(), from);
        assertThat(at)
            .as("sample %d: sentences are the example's, in order", i)
            .isGreaterThanOrEqualTo(from);
        from = at;
      }
    }
    assertThat(json(api.get("/api/v1/jobs/" + id + "/logs")).path("logs").asText()).isNotBlank();
    assertThat(api.get("/api/v1/jobs/" + id + "/dataset").statusCode()).isEqualTo(422);
    keepHistory(id, "job-inference.json");

    // evaluator on the predictions
    StringBuilder csv = new StringBuilder("examples,ground_truth,predictions\r\n");
    for (int i = 0; i < predictions.size(); i++) {
      csv.append(
          TestDatasets.row(
              List.of(
                  examples.get(i).asText(),
                  results.at("/artifacts/ground_truth").get(i).asText(),
                  predictions.get(i).asText())));
    }
    String predictionsDataset =
        TestDatasets.fromCsv(storage, jdbi, "dialogsum_exc-lead-3-predictions.csv", csv.toString());
    String evalId =
        create(
            "/api/v1/jobs/evaluator",
            """
            {"name": "eval lead-3", "dataset": "%s",
             "job_config": {"job_type": "evaluator", "metrics": ["rouge", "bleu", "meteor", "token_length", "exact_match"]}}
            """
                .formatted(predictionsDataset));
    JsonNode eval = api.awaitJob(evalId, JobsApi::terminal, Duration.ofMinutes(3));
    assertThat(eval.path("status").asText()).as(eval.toString()).isEqualTo("succeeded");
    assertThat(eval.at("/config/model_name_or_path").isNull()).isTrue();
    JsonNode metrics = json(api.get("/api/v1/jobs/" + evalId + "/result")).path("metrics");
    assertThat(metrics.path("rouge").path("rouge1_mean").asDouble()).isBetween(0.05, 0.6);
    assertThat(metrics.path("rouge").path("rougeL_mean").asDouble()).isBetween(0.03, 0.6);
    assertThat(metrics.path("rouge").has("rouge2_mean")).isTrue();
    assertThat(metrics.path("rouge").has("rougeLsum_mean")).isTrue();
    assertThat(metrics.path("rouge").has("rouge1"))
        .as("per-sample lists stay out of the summary")
        .isFalse();
    assertThat(metrics.path("bleu").path("bleu_mean").asDouble()).isBetween(0.0, 0.5);
    assertThat(metrics.path("meteor").path("meteor_mean").asDouble()).isBetween(0.05, 0.7);
    assertThat(metrics.path("token_length").path("pred_token_length_mean").asDouble())
        .isGreaterThan(10);
    assertThat(metrics.path("token_length").path("ref_token_length_mean").asDouble())
        .isGreaterThan(10);
    assertThat(metrics.path("exact_match").path("exact_match_mean").asDouble()).isZero();

    // listing: filter by type, total counts the filter
    JsonNode evaluators = json(api.get("/api/v1/jobs/?job_types=evaluator&limit=1000"));
    assertThat(evaluators.path("total").asLong())
        .isEqualTo(evaluators.path("items").size())
        .isPositive();
    evaluators
        .path("items")
        .forEach(
            j -> {
              assertThat(j.path("job_type").asText()).isEqualTo("evaluator");
              // as the original: Ray's submission details merged in (the web UI reads metadata)
              assertThat(j.path("metadata").path("job_type").asText()).isEqualTo("evaluator");
              assertThat(j.path("submission_id").isTextual()).isTrue();
              assertThat(j.path("config").isObject()).isTrue();
            });
    JsonNode both = json(api.get("/api/v1/jobs?job_types=evaluator&job_types=inference&limit=1"));
    assertThat(both.path("items").size()).isEqualTo(1);
    assertThat(both.path("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(both.path("items").get(0).path("id").asText()).isIn(id, evalId);
  }

  @Test
  void storeToDatasetAndAnnotateProduceDatasetsThroughTheIngestWorkflow() throws Exception {
    String id =
        create(
            "/api/v1/jobs/inference/",
            """
            {"name": "stored", "dataset": "%s",
             "job_config": {"job_type": "inference", "model": "lead-1", "provider": "baseline",
                            "store_to_dataset": true}}
            """
                .formatted(dialogsum));
    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(3));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    HttpResponse<String> r = api.get("/api/v1/jobs/" + id + "/dataset");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode dataset = json(r);
    assertThat(dataset.path("filename").asText()).isEqualTo("dialogsum_exc-lead-1-predictions.csv");
    assertThat(dataset.path("run_id").asText()).isEqualTo(id);
    assertThat(dataset.path("generated").asBoolean()).isTrue();
    assertThat(dataset.path("generated_by").asText()).isEqualTo("lead-1");
    assertThat(dataset.path("ground_truth").asBoolean()).isTrue();
    String csv =
        storage.getString(
            "datasets/"
                + dataset.path("id").asText()
                + "/dialogsum_exc-lead-1-predictions.csv/dataset.csv");
    assertThat(csv).startsWith("examples,ground_truth,predictions");
    assertThat(csv).contains("#Person1#: Hello, how are you doing today?");
    keepHistory(id, "job-store-to-dataset.json");
    keepWorkflowHistory(
        WorkflowIds.datasetIngest(dataset.path("id").asText()), "dataset-ingest-from-results.json");

    String annotate =
        create(
            "/api/v1/jobs/annotate/",
            """
            {"name": "annotated", "dataset": "%s",
             "job_config": {"job_type": "annotate", "model": "lead-2", "provider": "baseline"}}
            """
                .formatted(dialogsum));
    JsonNode annotated = api.awaitJob(annotate, JobsApi::terminal, Duration.ofMinutes(3));
    assertThat(annotated.path("status").asText()).as(annotated.toString()).isEqualTo("succeeded");
    JsonNode annotations = json(api.get("/api/v1/jobs/" + annotate + "/dataset"));
    assertThat(annotations.path("filename").asText())
        .isEqualTo("dialogsum_exc-lead-2-annotations.csv");
    assertThat(annotations.path("ground_truth").asBoolean()).isTrue();
    String annotatedCsv =
        storage.getString(
            "datasets/"
                + annotations.path("id").asText()
                + "/dialogsum_exc-lead-2-annotations.csv/dataset.csv");
    assertThat(annotatedCsv).startsWith("examples,ground_truth\r\n");
    assertThat(annotatedCsv).doesNotContain("predictions");
  }

  @Test
  void aStoppedJobEndsStoppedOnRayAndInTheDatabase() throws Exception {
    String id = create("/api/v1/jobs/inference/", slowInference("to stop", ""));
    // the transition to running and the progress are recorded while the job runs
    JsonNode running =
        api.awaitJob(
            id,
            j -> j.path("status").asText().equals("running") && j.at("/progress/done").asLong() > 0,
            Duration.ofMinutes(2));
    assertThat(running.at("/progress/total").asLong())
        .isGreaterThan(running.at("/progress/done").asLong());
    assertThat(row(id).rayStatus()).isEqualTo("running");

    HttpResponse<String> stop = api.post("/api/v1/jobs/" + id + "/stop", "");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(json(stop).path("id").asText()).isEqualTo(id);

    JsonNode stopped = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(2));
    assertThat(stopped.path("status").asText()).isEqualTo("stopped");
    assertThat(awaitRay(id, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
    assertThat(api.post("/api/v1/jobs/" + id + "/stop", "").statusCode()).isEqualTo(409);
    assertThat(api.get("/api/v1/jobs/" + id + "/result").statusCode()).isEqualTo(409);
    assertThat(api.post("/api/v1/jobs/" + UUID.randomUUID() + "/stop", "").statusCode())
        .isEqualTo(404);
    // it never leaves its terminal state
    Thread.sleep(1500);
    assertThat(row(id).status()).isEqualTo("stopped");
  }

  @Test
  void aJobPastItsTimeoutEndsStopped() throws Exception {
    String id =
        create("/api/v1/jobs/inference/", slowInference("one second", "\"job_timeout_sec\": 1,"));
    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(2));
    assertThat(job.path("status").asText()).isEqualTo("stopped");
    assertThat(job.path("failure_reason").asText()).contains("timeout of 1 s");
    assertThat(awaitRay(id, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
  }

  @Test
  void theApiRestartedMidJobLosesNothing() throws Exception {
    String id =
        create("/api/v1/jobs/inference/", slowInference("across restarts", "\"max_samples\": 40,"));
    api.awaitJob(id, j -> j.path("status").asText().equals("running"), Duration.ofMinutes(2));
    api.stop();
    try {
      Instant deadline = Instant.now().plusSeconds(180);
      while (!ai.lumigator.persistence.jobs.JobStatuses.isTerminal(row(id).status())
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(250);
      }
    } finally {
      api.startAgain();
    }
    JsonNode job = json(api.get("/api/v1/jobs/" + id));
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.at("/progress/done").asInt()).isEqualTo(40);
    assertThat(json(api.get("/api/v1/jobs/" + id + "/result")).at("/artifacts/model").asText())
        .isEqualTo("fake-model");
    assertThat(json(api.get("/api/v1/jobs/" + id + "/logs")).path("logs").asText()).isNotBlank();
  }

  @Test
  void refusedRequestsSayWhyAndLeaveNoRow() throws Exception {
    long before = json(api.get("/api/v1/jobs/")).path("total").asLong();
    String gen =
        """
        {"name": "n", "dataset": "%s", "job_config": {"job_type": "inference", "model": "m",
         "provider": "openai", "generation_config": {"max_new_tokens": 5, "beam_width": 2}}}
        """
            .formatted(dialogsum);
    HttpResponse<String> r = api.post("/api/v1/jobs/inference/", gen);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).at("/detail/0/loc").toString())
        .isEqualTo("[\"body\",\"job_config\",\"generation_config\",\"beam_width\"]");

    r =
        api.post(
            "/api/v1/jobs/evaluator/",
            """
            {"name": "n", "dataset": "%s", "job_config": {"job_type": "evaluator", "metrics": ["rouge", "bertscore"]}}
            """
                .formatted(dialogsum));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).path("detail").asText())
        .contains("bertscore")
        .contains("rouge, ")
        .contains("meteor");

    r =
        api.post(
            "/api/v1/jobs/inference/",
            """
            {"name": "n", "dataset": "%s", "job_config": {"job_type": "inference", "model": "m", "provider": "hf"}}
            """
                .formatted(dialogsum));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).path("detail").asText())
        .contains(
            "not available in this release; serve the model with vLLM and use provider hosted_vllm");

    String unknown = UUID.randomUUID().toString();
    r = api.post("/api/v1/jobs/inference/", inference("n", unknown, ""));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).path("detail").asText())
        .isEqualTo("Dataset with ID " + unknown + " not found");

    r =
        api.post(
            "/api/v1/jobs/inference/",
            """
            {"name": "my job", "dataset": "%s", "job_config": {"job_type": "inference", "model": "m",
             "provider": "openai", "secret_key_name": "nope_api_key"}}
            """
                .formatted(dialogsum));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("detail").asText())
        .isEqualTo(
            "Cannot create job 'my job': Requested secret key 'nope_api_key' is not configured.");

    r =
        api.post(
            "/api/v1/jobs/inference/",
            """
            {"name": "n", "dataset": "%s", "job_config": {"job_type": "inference", "model": "m", "provider": "openai",
             "task_definition": {"task": "translation", "source_language": "en"}}}
            """
                .formatted(dialogsum));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).at("/detail/0/loc").toString()).contains("target_language");

    r = api.post("/api/v1/jobs/evaluator/", inference("n", dialogsum, ""));
    assertThat(r.statusCode()).isEqualTo(422);
    r = api.post("/api/v1/jobs/inference/", "{\"dataset\": \"" + dialogsum + "\"}");
    assertThat(r.statusCode()).isEqualTo(422);
    Set<String> locs = new HashSet<>();
    json(r).path("detail").forEach(e -> locs.add(e.path("loc").toString()));
    assertThat(locs).contains("[\"body\",\"name\"]", "[\"body\",\"job_config\"]");
    r = api.post("/api/v1/jobs/inference/", "{not json");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(api.get("/api/v1/jobs/not-a-uuid").statusCode()).isEqualTo(422);
    assertThat(api.get("/api/v1/jobs/?job_types=bogus").statusCode()).isEqualTo(422);
    String missing = UUID.randomUUID().toString();
    r = api.get("/api/v1/jobs/" + missing);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).path("detail").asText()).isEqualTo("Job with ID " + missing + " not found");
    assertThat(json(api.get("/api/v1/jobs/" + missing + "/dataset")).path("detail").asText())
        .isEqualTo("Dataset not available: not found using job ID: " + missing);

    assertThat(json(api.get("/api/v1/jobs/")).path("total").asLong()).isEqualTo(before);
  }
}
