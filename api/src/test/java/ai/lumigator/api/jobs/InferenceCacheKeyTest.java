package ai.lumigator.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.jobs.config.InferenceServer;
import ai.lumigator.jobs.config.TaskDefinition;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class InferenceCacheKeyTest {
  static final String SHA = "0f".repeat(32);
  static final long ROWS = 10;

  /** The fields of a config that the tests vary, with the config they make. */
  record Config(
      String jobName,
      String jobId,
      String datasetPath,
      int maxSamples,
      int batchSize,
      String outputField,
      TaskDefinition task,
      String systemPrompt,
      InferenceServer server,
      GenerationConfig generation) {
    InferenceJobConfig build() {
      return InferenceJobConfig.of(
          jobName,
          jobId,
          datasetPath,
          InferenceJobSettings.of(
              maxSamples, batchSize, outputField, "s3://b/jobs/results/" + jobId + "/results.json"),
          task,
          systemPrompt,
          server,
          generation);
    }
  }

  static final Config BASE =
      new Config(
          "first",
          "11111111-1111-1111-1111-111111111111",
          "s3://b/datasets/d1/data.csv",
          -1,
          1,
          "predictions",
          TaskDefinition.summarization(),
          null,
          InferenceServer.of("http://127.0.0.1:8000/v1", "org/model@rev1", "hosted_vllm", 3),
          new GenerationConfig(1024, 0.0, 0.0, 0.5));

  static String key(Config c) {
    return InferenceCacheKey.of(c.build(), SHA, ROWS);
  }

  static String key(UnaryOperator<Config> change) {
    return key(change.apply(BASE));
  }

  @Test
  void isSha256HexAndTheSameForTheSameContent() {
    assertThat(key(BASE)).matches("[0-9a-f]{64}").isEqualTo(key(BASE));
  }

  @Test
  void namesIdsPathsBatchSizeOutputColumnRetriesAndConcurrencyDoNotChangeIt() {
    String base = key(BASE);
    assertThat(key(c -> with(c, "jobName", "another name"))).isEqualTo(base);
    assertThat(key(c -> with(c, "jobId", "22222222-2222-2222-2222-222222222222"))).isEqualTo(base);
    // the same upload stored as another dataset: the SHA-256 is what counts
    assertThat(key(c -> with(c, "datasetPath", "s3://b/datasets/d2/copy.csv"))).isEqualTo(base);
    assertThat(key(c -> with(c, "batchSize", 8))).isEqualTo(base);
    assertThat(key(c -> with(c, "outputField", "answers"))).isEqualTo(base);
    assertThat(
            key(
                c ->
                    with(
                        c,
                        "server",
                        new InferenceServer(
                            "http://127.0.0.1:8000/v1/",
                            "org/model@rev1",
                            "hosted_vllm",
                            0,
                            4,
                            30))))
        .as("retries, concurrency, request timeout; a trailing / of the base URL")
        .isEqualTo(base);
  }

  @Test
  void theTasksDefaultPromptIsTheSameAsGivingItExplicitly() {
    String explicit = TaskDefinition.summarization().defaultSystemPrompt().orElseThrow();
    assertThat(key(c -> with(c, "systemPrompt", explicit))).isEqualTo(key(BASE));
  }

  @Test
  void maxSamplesCoveringEveryRowIsAllRows() {
    assertThat(key(c -> with(c, "maxSamples", 10))).isEqualTo(key(BASE));
    assertThat(key(c -> with(c, "maxSamples", 500))).isEqualTo(key(BASE));
    assertThat(key(c -> with(c, "maxSamples", 0))).isEqualTo(key(BASE));
    assertThat(key(c -> with(c, "maxSamples", 3))).isNotEqualTo(key(BASE));
    assertThat(key(c -> with(c, "maxSamples", 3))).isNotEqualTo(key(c -> with(c, "maxSamples", 4)));
  }

  @Test
  void everyFieldThatDecidesThePredictionsChangesIt() {
    String base = key(BASE);
    InferenceServer s = BASE.server();
    assertThat(
            java.util.List.of(
                key(
                    c ->
                        with(
                            c,
                            "server",
                            InferenceServer.of(s.baseUrl(), "org/model@rev2", s.provider(), 3))),
                key(
                    c ->
                        with(c, "server", InferenceServer.of(s.baseUrl(), s.model(), "openai", 3))),
                key(
                    c ->
                        with(
                            c,
                            "server",
                            InferenceServer.of("http://10.0.0.9/v1", s.model(), s.provider(), 3))),
                key(c -> with(c, "server", InferenceServer.of(null, s.model(), s.provider(), 3))),
                key(c -> with(c, "systemPrompt", "Answer in French.")),
                key(c -> with(c, "task", TaskDefinition.translation("en", "de"))),
                key(c -> with(c, "task", TaskDefinition.translation("en", "fr"))),
                key(c -> with(c, "generation", new GenerationConfig(512, 0.0, 0.0, 0.5))),
                key(c -> with(c, "generation", new GenerationConfig(1024, 0.1, 0.0, 0.5))),
                key(c -> with(c, "generation", new GenerationConfig(1024, 0.0, 0.7, 0.5))),
                key(c -> with(c, "generation", new GenerationConfig(1024, 0.0, 0.0, 0.9))),
                key(c -> with(c, "maxSamples", 5)),
                InferenceCacheKey.of(BASE.build(), "1e".repeat(32), ROWS)))
        .doesNotContain(base)
        .doesNotHaveDuplicates();
  }

  @Test
  void theCanonicalContentHoldsNoSecretNorAnyNameOrId() {
    String content = InferenceCacheKey.canonicalJson(BASE.build(), SHA, ROWS);
    assertThat(content)
        .startsWith("{\"base_url\":\"http://127.0.0.1:8000/v1\",\"dataset_sha256\":")
        .doesNotContain("api_key", "secret", BASE.jobId(), BASE.jobName(), "datasets/d1");
  }

  /** {@code c} with one field replaced. */
  static Config with(Config c, String field, Object value) {
    return new Config(
        field.equals("jobName") ? (String) value : c.jobName(),
        field.equals("jobId") ? (String) value : c.jobId(),
        field.equals("datasetPath") ? (String) value : c.datasetPath(),
        field.equals("maxSamples") ? (Integer) value : c.maxSamples(),
        field.equals("batchSize") ? (Integer) value : c.batchSize(),
        field.equals("outputField") ? (String) value : c.outputField(),
        field.equals("task") ? (TaskDefinition) value : c.task(),
        field.equals("systemPrompt") ? (String) value : c.systemPrompt(),
        field.equals("server") ? (InferenceServer) value : c.server(),
        field.equals("generation") ? (GenerationConfig) value : c.generation());
  }
}
