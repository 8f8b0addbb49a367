package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.jobs.config.InferenceServer;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.FakeChatServer.Scripted;
import ai.lumigator.jobs.testing.LocalFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceProgramTest {
  static final String JOB_ID = "0b6c3d1e-8f1a-4b8e-9c1d-2e3f4a5b6c7d";

  @TempDir Path root;
  LocalObjectStore store;
  FakeChatServer server;

  @BeforeEach
  void setUp() {
    store = new LocalObjectStore(root);
    server = FakeChatServer.start();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  InferenceJobConfig config(String datasetPath, int maxSamples, InferenceServer s) {
    return InferenceJobConfig.of(
        "my job",
        JOB_ID,
        datasetPath,
        InferenceJobSettings.of(
            maxSamples, 1, "predictions", JobPaths.resultsPath(LocalFixtures.BUCKET, JOB_ID)),
        TaskDefinition.summarization(),
        null,
        s,
        GenerationConfig.defaults());
  }

  InferenceProgram program() {
    return new InferenceProgram(store, Optional.of(JOB_ID), "sk-secret", Duration.ofMillis(50));
  }

  JsonNode results() {
    return LocalFixtures.readJson(store, JobPaths.resultsPath(LocalFixtures.BUCKET, JOB_ID));
  }

  JsonNode progress() {
    return LocalFixtures.readJson(store, "s3://lumigator/" + JobPaths.progressKey(JOB_ID));
  }

  @Test
  void remoteProviderWritesResultsWithUsageAverages() {
    String ds =
        LocalFixtures.putDataset(
            store, "d1", "t.csv", "examples,ground_truth\none two,r1\n\"three\nfour five\",r2\n");
    InferenceJobConfig c =
        config(ds, -1, InferenceServer.of(server.baseUrl(), "fake-model", "hosted_vllm", 2));
    server.latency(s -> Duration.ofMillis(s.startsWith("one") ? 60 : 5));
    program().run(c);

    JsonNode r = results();
    assertThat(r.fieldNames()).toIterable().containsExactly("metrics", "artifacts", "parameters");
    JsonNode a = r.path("artifacts");
    assertThat(a.path("predictions").get(0).asText()).isEqualTo("pred: one two");
    assertThat(a.path("predictions").get(1).asText()).isEqualTo("pred: three\nfour five");
    assertThat(a.path("examples").get(1).asText()).isEqualTo("three\nfour five");
    assertThat(a.path("ground_truth").get(0).asText()).isEqualTo("r1");
    assertThat(a.path("model").asText()).isEqualTo("fake-model");
    assertThat(a.path("inference_time").asDouble()).isPositive();
    // the fake counts words: prompt = system prompt + example, completion = "pred: " + example
    long sys = FakeChatServer.words(c.effectiveSystemPrompt());
    JsonNode u0 = a.path("inference_metrics").get(0);
    assertThat(u0.path("prompt_tokens").asLong()).isEqualTo(sys + 2);
    assertThat(u0.path("completion_tokens").asLong()).isEqualTo(3);
    assertThat(u0.path("total_tokens").asLong()).isEqualTo(sys + 5);
    JsonNode m = r.path("metrics");
    assertThat(m.path("avg_prompt_tokens").asDouble()).isEqualTo(sys + 2.5);
    assertThat(m.path("avg_completion_tokens").asDouble()).isEqualTo(3.5);
    assertThat(m.path("avg_total_tokens").asDouble()).isEqualTo(sys + 6.0);
    assertThat(m.path("prompt_tokens").asDouble()).isEqualTo(2 * sys + 5);
    assertThat(m.path("completion_tokens").asDouble()).isEqualTo(7);
    assertThat(m.path("total_tokens").asDouble()).isEqualTo(2 * sys + 12);
    // per-sample latency in input order; of two, p50 is the faster (rank 1), p95 the slower
    double first = a.path("latency_ms").get(0).asDouble();
    double second = a.path("latency_ms").get(1).asDouble();
    assertThat(first).isGreaterThanOrEqualTo(60.0);
    assertThat(second).isGreaterThanOrEqualTo(5.0);
    assertThat(m.path("latency_p50_ms").asDouble()).isEqualTo(Math.min(first, second));
    assertThat(m.path("latency_p95_ms").asDouble()).isEqualTo(Math.max(first, second));
    assertThat(r.path("parameters")).isEqualTo(JobConfigJson.toTree(c));
    assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer sk-secret");

    assertThat(progress().path("done").asInt()).isEqualTo(2);
    assertThat(progress().path("total").asInt()).isEqualTo(2);
  }

  @Test
  void baselineOnSharedDataHasNoUsageAndNullGroundTruthWithoutTheColumn() {
    String ds = LocalFixtures.putSampleDataset(store, "d2", "dialogsum_mini_no_gt.csv");
    program().run(config(ds, 0, InferenceServer.of(null, "lead-3", "baseline", 0)));
    JsonNode r = results();
    assertThat(r.path("metrics").isObject()).isTrue();
    assertThat(r.path("metrics").size()).isZero();
    JsonNode a = r.path("artifacts");
    assertThat(a.path("predictions")).hasSize(5);
    assertThat(a.path("ground_truth").isNull()).isTrue();
    assertThat(a.path("inference_metrics").isNull()).isTrue();
    assertThat(a.path("latency_ms").isNull()).isTrue();
    assertThat(a.path("predictions").get(0).asText().split("\n")).hasSize(3);
    assertThat(a.path("predictions").get(0).asText()).startsWith("#Person1#:");
  }

  @Test
  void maxSamplesTakesTheFirstRows() {
    String ds = LocalFixtures.putSampleDataset(store, "d3", "dialogsum_500.csv");
    InferenceServer s = InferenceServer.of(server.baseUrl(), "m", "openai", 0).withConcurrency(8);
    program().run(config(ds, 7, s));
    JsonNode a = results().path("artifacts");
    assertThat(a.path("predictions")).hasSize(7);
    assertThat(a.path("ground_truth")).hasSize(7);
    assertThat(server.requestCount()).isEqualTo(7);
    for (int i = 0; i < 7; i++) {
      assertThat(a.path("predictions").get(i).asText())
          .isEqualTo(("pred: " + a.path("examples").get(i).asText()).strip());
    }
    // more than the rows: all rows
    program().run(config(ds, 100000, InferenceServer.of(null, "lead-1", "baseline", 0)));
    assertThat(results().path("artifacts").path("predictions")).hasSize(500);
  }

  @Test
  void wholeDialogsum500WithConcurrency16KeepsOrder() {
    String ds = LocalFixtures.putSampleDataset(store, "d4", "dialogsum_500.csv");
    server.latency(s -> Duration.ofMillis(s.length() % 7)).errorRate(0.05);
    InferenceServer s = InferenceServer.of(server.baseUrl(), "m", "openai", 6);
    program().run(config(ds, -1, s));
    JsonNode a = results().path("artifacts");
    assertThat(a.path("predictions")).hasSize(500);
    for (int i = 0; i < 500; i++) {
      assertThat(a.path("predictions").get(i).asText())
          .isEqualTo(("pred: " + a.path("examples").get(i).asText()).strip());
    }
    assertThat(server.maxInFlight()).isLessThanOrEqualTo(16);
    assertThat(progress().path("done").asInt()).isEqualTo(500);
  }

  @Test
  void aSampleThatKeepsFailingFailsTheJobAndWritesNoResults() {
    String ds =
        LocalFixtures.putDataset(store, "d5", "t.csv", "examples\nok one\nbad two\nok three\n");
    server.alwaysFailWhenContains("bad", Scripted.error(502));
    InferenceServer s = InferenceServer.of(server.baseUrl(), "m", "ollama", 1);
    assertThatThrownBy(() -> program().run(config(ds, -1, s)))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("sample 2 of 3 failed")
        .hasMessageContaining("HTTP 502");
    assertThat(
            store.fileOf(
                ai.lumigator.jobs.storage.S3Location.parse(
                    JobPaths.resultsPath(LocalFixtures.BUCKET, JOB_ID))))
        .doesNotExist();
  }

  @Test
  void aSecondRunAfterAPartialFirstRunAsksOnlyForTheRest() {
    StringBuilder csv = new StringBuilder("examples,ground_truth\n");
    for (int i = 0; i < 40; i++)
      csv.append(i == 20 ? "bad" : "ok").append(" s").append(i).append(",r\n");
    String ds = LocalFixtures.putDataset(store, "d9", "t.csv", csv.toString());
    InferenceServer s = InferenceServer.of(server.baseUrl(), "m", "ollama", 0).withConcurrency(1);
    InferenceProgram chunked =
        new InferenceProgram(store, Optional.of(JOB_ID), "sk-secret", Duration.ofMillis(50), 8);
    server.alwaysFailWhenContains("bad", Scripted.error(400));
    assertThatThrownBy(() -> chunked.run(config(ds, -1, s)))
        .hasMessageContaining("sample 21 of 40 failed");
    assertThat(server.requestCount()).isEqualTo(21);

    try (FakeChatServer second = FakeChatServer.start()) {
      InferenceServer s2 = InferenceServer.of(second.baseUrl(), "m", "ollama", 0);
      InferenceResults r =
          new InferenceProgram(store, Optional.of(JOB_ID), "sk-secret", Duration.ofMillis(50), 8)
              .run(config(ds, -1, s2));
      // samples 0-15 were in two chunks; 16-19 were finished but not yet a whole block
      assertThat(second.requestCount()).isEqualTo(24);
      assertThat(second.requests().stream().map(FakeChatServer.Seen::userContent))
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.IntStream.range(16, 40)
                  .mapToObj(i -> (i == 20 ? "bad" : "ok") + " s" + i)
                  .toList());
      assertThat(r.artifacts().predictions()).hasSize(40);
      assertThat(r.artifacts().inferenceMetrics()).hasSize(40).doesNotContainNull();
      assertThat(r.artifacts().latencyMs()).hasSize(40).doesNotContainNull();
      assertThat(r.metrics()).containsKeys("total_tokens", "latency_p95_ms");
    }
    assertThat(progress().path("done").asInt()).isEqualTo(40);
    assertThat(
            store.fileOf(
                ai.lumigator.jobs.storage.S3Location.parse(
                    "s3://lumigator/jobs/results/" + JOB_ID + "/chunks")))
        .isEmptyDirectory();
  }

  @Test
  void clearErrorsForBadInput() {
    String ds = LocalFixtures.putDataset(store, "d6", "t.csv", "text\nx\n");
    assertThatThrownBy(
            () -> program().run(config(ds, -1, InferenceServer.of(null, "lead-3", "baseline", 0))))
        .hasMessageContaining("has no 'examples' column (columns: [text])");
    assertThatThrownBy(
            () ->
                program()
                    .run(
                        config(
                            "s3://lumigator/datasets/nope/x.csv",
                            -1,
                            InferenceServer.of(null, "lead-3", "baseline", 0))))
        .hasMessageContaining("object not found: s3://lumigator/datasets/nope/x.csv/dataset.csv");
    assertThatThrownBy(
            () -> program().run(config(ds, -1, InferenceServer.of(null, "m", "nobody", 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown provider 'nobody'");
  }
}
