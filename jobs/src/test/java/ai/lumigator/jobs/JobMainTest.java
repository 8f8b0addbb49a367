package ai.lumigator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.SmokeConfig;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.FakeChatServer.Scripted;
import ai.lumigator.jobs.testing.LocalFixtures;
import ai.lumigator.jobs.testing.SimpleMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobMainTest {
  static final String SECRET = "sk-very-secret-value-42";
  static final String JOB_ID = "11111111-2222-4333-8444-555555555555";

  @TempDir Path root;
  LocalObjectStore store;
  ByteArrayOutputStream out = new ByteArrayOutputStream();
  ByteArrayOutputStream err = new ByteArrayOutputStream();
  FakeChatServer server;

  @BeforeEach
  void setUp() {
    store = new LocalObjectStore(root);
    JobLog.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    server = FakeChatServer.start();
  }

  @AfterEach
  void tearDown() {
    JobLog.setOut(System.out);
    server.close();
  }

  int run(Map<String, String> env, String... args) {
    JobEnv e = new JobEnv(env);
    JobLog.addSecret(e.apiKey());
    return new JobMain(
            e,
            x -> store,
            () -> SimpleMetrics.INSTANCE,
            Duration.ofMillis(50),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void smokeUpperCasesTheObject() throws Exception {
    store.put(
        S3Location.parse("s3://lumigator/smoke/in.txt"),
        "hello, Ray ü".getBytes(StandardCharsets.UTF_8),
        "text/plain");
    String cfg =
        JobConfigJson.toJson(
            SmokeConfig.of("s3://lumigator/smoke/in.txt", "s3://lumigator/smoke/out.txt"));
    assertThat(run(Map.of(), "smoke", "--config", cfg)).isZero();
    assertThat(Files.readString(store.fileOf(S3Location.parse("s3://lumigator/smoke/out.txt"))))
        .isEqualTo("HELLO, RAY Ü");
    assertThat(stdout()).contains("smoke: read").contains("s3://lumigator/smoke/out.txt");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void usageErrorsAreOneLineWithExitCode2() {
    assertThat(run(Map.of())).isEqualTo(2);
    assertThat(run(Map.of(), "inference")).isEqualTo(2);
    assertThat(run(Map.of(), "train", "--config", "{}")).isEqualTo(2);
    assertThat(run(Map.of(), "smoke", "--config={\"input_path\":")).isEqualTo(2);
    String[] lines = stderr().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0])
        .isEqualTo("lumigator job (none) failed: no command given. " + JobMain.USAGE);
    assertThat(lines[1])
        .isEqualTo("lumigator job inference failed: missing --config '<json>'. " + JobMain.USAGE);
    assertThat(lines[2]).startsWith("lumigator job train failed: unknown command 'train'");
    assertThat(lines[3]).startsWith("lumigator job smoke failed: invalid SmokeConfig JSON");
  }

  @Test
  void missingInputIsExitCode1() {
    String cfg =
        JobConfigJson.toJson(SmokeConfig.of("s3://lumigator/none.txt", "s3://lumigator/o.txt"));
    assertThat(run(Map.of(), "smoke", "--config", cfg)).isEqualTo(1);
    assertThat(stderr().strip())
        .isEqualTo("lumigator job smoke failed: object not found: s3://lumigator/none.txt");
  }

  String inferenceConfig(String datasetPath, String provider, String model, String baseUrl) {
    return """
        {"name": "j/%s", "dataset": {"path": "%s"},
         "job": {"max_samples": -1, "batch_size": 1, "output_field": "predictions",
                 "storage_path": "s3://lumigator/jobs/results/j/%s/results.json"},
         "task_definition": {"task": "summarization"}, "system_prompt": null,
         "inference_server": {"base_url": %s, "model": "%s", "provider": "%s", "max_retries": 1},
         "generation_config": {"max_new_tokens": 64, "frequency_penalty": 0.0, "temperature": 0.5, "top_p": 0.5}}
        """
        .formatted(
            JOB_ID,
            datasetPath,
            JOB_ID,
            baseUrl == null ? "null" : "\"" + baseUrl + "\"",
            model,
            provider);
  }

  @Test
  void inferenceAndEvaluatorEndToEndOnTheLocalStore() {
    String ds =
        LocalFixtures.putDataset(
            store, "d1", "x.csv", "examples,ground_truth\na b,pred: a b\nc,zzz\n");
    int code =
        run(
            Map.of("api_key", SECRET, "MZAI_JOB_ID", JOB_ID),
            "inference",
            "--config",
            inferenceConfig(ds, "hosted_vllm", "m", server.baseUrl()));
    assertThat(code).as(stderr()).isZero();
    var results =
        LocalFixtures.readJson(store, "s3://lumigator/jobs/results/j/" + JOB_ID + "/results.json");
    assertThat(results.path("artifacts").path("predictions").get(0).asText())
        .isEqualTo("pred: a b");
    assertThat(
            LocalFixtures.readJson(store, "s3://lumigator/jobs/progress/" + JOB_ID + ".json")
                .path("done")
                .asInt())
        .isEqualTo(2);

    // evaluate a predictions dataset built as the pipeline would
    String pds =
        LocalFixtures.putDataset(
            store,
            "d2",
            "x-m-predictions.csv",
            "examples,ground_truth,predictions\na b,pred: a b,pred: a b\nc,zzz,pred: c\n");
    String evalCfg =
        """
        {"name": "e/%s", "dataset": {"path": "%s"},
         "evaluation": {"metrics": ["same"], "llm_as_judge": null, "max_samples": -1,
                        "return_input_data": true, "return_predictions": true,
                        "storage_path": "s3://lumigator/jobs/results/e/%s/results.json"},
         "predictions_field": "predictions"}
        """
            .formatted(JOB_ID, pds, JOB_ID);
    assertThat(run(Map.of(), "evaluator", "--config", evalCfg)).as(stderr()).isZero();
    var eval =
        LocalFixtures.readJson(store, "s3://lumigator/jobs/results/e/" + JOB_ID + "/results.json");
    assertThat(eval.path("metrics").path("same").path("same_mean").asDouble()).isEqualTo(0.5);

    // the job id came from the config name when MZAI_JOB_ID was absent
    assertThat(stdout()).contains("progress evaluation 2/2");
    assertThat(stdout()).doesNotContain(SECRET);
  }

  @Test
  void unknownMetricFailsListingTheSupportedOnes() {
    String evalCfg =
        """
        {"name": "e/x", "dataset": {"path": "s3://lumigator/datasets/d/f.csv"},
         "evaluation": {"metrics": ["rouge"], "max_samples": -1, "storage_path": "s3://lumigator/r.json"}}
        """;
    assertThat(run(Map.of(), "evaluator", "--config", evalCfg)).isEqualTo(2);
    assertThat(stderr().strip())
        .isEqualTo(
            "lumigator job evaluator failed: unknown metric(s) [rouge]; supported: same, length");
  }

  @Test
  void providerFailureNeverPrintsTheKey() {
    String ds = LocalFixtures.putDataset(store, "d1", "x.csv", "examples\nhello\n");
    server.alwaysFailWhenContains(
        "hello", new Scripted(500, null, "{\"error\":{\"message\":\"bad key " + SECRET + "\"}}"));
    int code =
        run(
            Map.of("api_key", SECRET),
            "inference",
            "--config",
            inferenceConfig(ds, "openai", "gpt-x", server.baseUrl()));
    assertThat(code).isEqualTo(1);
    assertThat(stderr())
        .startsWith("lumigator job inference failed: sample 1 of 1 failed: request to ");
    assertThat(stderr()).contains("HTTP 500").contains("<REDACTED>").doesNotContain(SECRET);
    assertThat(stderr().strip().split("\n")).hasSize(1);
    assertThat(stdout()).doesNotContain(SECRET);
  }
}
