package ai.lumigator.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobConfigJsonTest {
  private static final ObjectMapper M = new ObjectMapper();

  // the shapes of API.md, "Job program config", with the placeholders filled in
  static final String INFERENCE =
      """
      { "name": "summaries/0b6c3d1e-8f1a-4b8e-9c1d-2e3f4a5b6c7d",
        "dataset": {"path": "s3://lumigator/datasets/6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b/dialogsum_exc.csv"},
        "job": {"max_samples": -1, "batch_size": 1, "output_field": "predictions",
                "storage_path": "s3://lumigator/jobs/results/0b6c3d1e-8f1a-4b8e-9c1d-2e3f4a5b6c7d/results.json"},
        "task_definition": {"task": "summarization"},
        "system_prompt": "You are a helpful assistant.",
        "inference_server": {"base_url": null, "model": "gpt-4o-mini", "provider": "openai", "max_retries": 3},
        "generation_config": {"max_new_tokens": 1024, "frequency_penalty": 0.0, "temperature": 0.5, "top_p": 0.5} }
      """;

  static final String EVALUATOR =
      """
      { "name": "wf-evaluation/5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
        "dataset": {"path": "s3://lumigator/datasets/11111111-2222-4333-8444-555555555555/dialogsum_exc-gpt-4o-mini-predictions.csv"},
        "evaluation": {"metrics": ["rouge", "meteor"], "llm_as_judge": null, "max_samples": -1,
                       "return_input_data": true, "return_predictions": true,
                       "storage_path": "s3://lumigator/jobs/results/5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d/results.json"},
        "predictions_field": "predictions" }
      """;

  @Test
  void inferenceConfigRoundTripsExactly() throws Exception {
    InferenceJobConfig c = JobConfigJson.inference(INFERENCE);
    assertThat(c.name()).isEqualTo("summaries/0b6c3d1e-8f1a-4b8e-9c1d-2e3f4a5b6c7d");
    assertThat(c.job().maxSamples()).isEqualTo(-1);
    assertThat(c.inferenceServer().baseUrl()).isNull();
    assertThat(c.inferenceServer().maxRetries()).isEqualTo(3);
    assertThat(c.generationConfig().maxNewTokens()).isEqualTo(1024);
    assertThat(c.problems()).isEmpty();
    JsonNode back = M.readTree(JobConfigJson.toJson(c));
    assertThat(back).isEqualTo(M.readTree(INFERENCE));
    // base_url: null is written, not dropped
    assertThat(back.path("inference_server").has("base_url")).isTrue();
  }

  @Test
  void evaluatorConfigRoundTripsExactly() throws Exception {
    EvaluatorJobConfig c = JobConfigJson.evaluator(EVALUATOR);
    assertThat(c.evaluation().metrics()).containsExactly("rouge", "meteor");
    assertThat(c.evaluation().llmAsJudge()).isNull();
    assertThat(c.problems()).isEmpty();
    JsonNode back = M.readTree(JobConfigJson.toJson(c));
    assertThat(back).isEqualTo(M.readTree(EVALUATOR));
    assertThat(back.path("evaluation").has("llm_as_judge")).isTrue();
  }

  @Test
  void factoriesBuildTheSameJsonAsTheSpec() throws Exception {
    String jobId = "0b6c3d1e-8f1a-4b8e-9c1d-2e3f4a5b6c7d";
    InferenceJobConfig built =
        InferenceJobConfig.of(
            "summaries",
            jobId,
            DatasetRef.of("lumigator", "6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b", "dialogsum_exc.csv")
                .path(),
            InferenceJobSettings.of(-1, 1, "predictions", JobPaths.resultsPath("lumigator", jobId)),
            TaskDefinition.summarization(),
            "You are a helpful assistant.",
            InferenceServer.of(null, "gpt-4o-mini", "openai", 3),
            GenerationConfig.defaults());
    assertThat(JobConfigJson.toTree(built)).isEqualTo(M.readTree(INFERENCE));

    String evalId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    EvaluatorJobConfig eval =
        EvaluatorJobConfig.of(
            "wf-evaluation",
            evalId,
            "s3://lumigator/datasets/11111111-2222-4333-8444-555555555555/dialogsum_exc-gpt-4o-mini-predictions.csv",
            EvaluationSettings.of(
                List.of("rouge", "meteor"), -1, JobPaths.resultsPath("lumigator", evalId)),
            "predictions");
    assertThat(JobConfigJson.toTree(eval)).isEqualTo(M.readTree(EVALUATOR));
  }

  @Test
  void unknownFieldsAreTolerated() {
    String json =
        INFERENCE.replace(
            "\"system_prompt\"", "\"extra\": {\"x\": 1}, \"hf_pipeline\": null, \"system_prompt\"");
    InferenceJobConfig c = JobConfigJson.inference(json);
    assertThat(c.inferenceServer().model()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void optionalFieldsTakeDefaults() {
    InferenceJobConfig c =
        JobConfigJson.inference(
            """
            {"name": "n/x", "dataset": {"path": "s3://b/datasets/d/f.csv"},
             "job": {"max_samples": 5, "storage_path": "s3://b/r.json"},
             "inference_server": {"model": "lead-3", "provider": "baseline"}}
            """);
    assertThat(c.taskDefinition()).isEqualTo(TaskDefinition.summarization());
    assertThat(c.generationConfig()).isEqualTo(GenerationConfig.defaults());
    assertThat(c.job().outputField()).isEqualTo("predictions");
    assertThat(c.job().batchSize()).isEqualTo(1);
    assertThat(c.inferenceServer().maxRetries()).isEqualTo(InferenceServer.DEFAULT_MAX_RETRIES);
    assertThat(c.inferenceServer().concurrency()).isNull();
    assertThat(c.effectiveSystemPrompt()).contains("expert in text summarization");
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void ourOptionalServerFieldsAppearOnlyWhenSet() throws Exception {
    InferenceServer s = InferenceServer.of(null, "m", "openai", 2);
    assertThat(JobConfigJson.toTree(s).has("concurrency")).isFalse();
    JsonNode withC = JobConfigJson.toTree(s.withConcurrency(8).withRequestTimeoutSec(60));
    assertThat(withC.path("concurrency").asInt()).isEqualTo(8);
    assertThat(withC.path("request_timeout_sec").asInt()).isEqualTo(60);
    assertThat(JobConfigJson.fromJson(withC.toString(), InferenceServer.class).concurrency())
        .isEqualTo(8);
  }

  @Test
  void translationTaskAndPrompt() throws Exception {
    TaskDefinition t = TaskDefinition.translation("English", "German");
    assertThat(JobConfigJson.toTree(t))
        .isEqualTo(
            M.readTree(
                "{\"task\":\"translation\",\"source_language\":\"English\",\"target_language\":\"German\"}"));
    assertThat(t.defaultSystemPrompt())
        .contains(
            "You are a helpful assistant, expert in text translation. For every prompt you receive,"
                + " translate English to German.");
    assertThat(JobConfigJson.toJson(TaskDefinition.textGeneration()))
        .isEqualTo("{\"task\":\"text-generation\"}");
    assertThat(TaskDefinition.textGeneration().defaultSystemPrompt()).isEmpty();
  }

  @Test
  void smokeConfig() {
    SmokeConfig s =
        JobConfigJson.smoke(
            "{\"input_path\":\"s3://b/in.txt\",\"output_path\":\"s3://b/out.txt\"}");
    assertThat(s).isEqualTo(SmokeConfig.of("s3://b/in.txt", "s3://b/out.txt"));
    assertThat(JobConfigJson.toJson(s))
        .isEqualTo("{\"input_path\":\"s3://b/in.txt\",\"output_path\":\"s3://b/out.txt\"}");
  }

  @Test
  void malformedJsonGivesOneLineError() {
    assertThatThrownBy(() -> JobConfigJson.inference("{\"name\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid InferenceJobConfig JSON")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> JobConfigJson.evaluator("{\"evaluation\": {\"max_samples\": \"x\"}}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobConfigJson.smoke(" ")).hasMessage("empty config");
  }

  @Test
  void problemsNameWhatIsMissing() {
    InferenceJobConfig c =
        JobConfigJson.inference("{\"name\":\"n\",\"dataset\":{\"path\":\"/tmp/x\"},\"job\":{}}");
    assertThat(c.problems())
        .contains(
            "dataset.path must be an s3://bucket/key URI, got '/tmp/x'",
            "job.storage_path is required",
            "inference_server is required");
    EvaluatorJobConfig e =
        JobConfigJson.evaluator(
            "{\"dataset\":{\"path\":\"s3://b/d\"},\"evaluation\":{\"metrics\":[],\"storage_path\":\"s3://b/r.json\"}}");
    assertThat(e.problems()).containsExactly("evaluation.metrics must name at least one metric");
  }

  @Test
  void paths() {
    assertThat(JobPaths.sanitizeName("my job/ä 1")).isEqualTo("my-job---1");
    assertThat(JobPaths.resultsKey("id")).isEqualTo("jobs/results/id/results.json");
    assertThat(JobPaths.namedResultsKey("a b", "id")).isEqualTo("jobs/results/a-b/id/results.json");
    assertThat(JobPaths.progressKey("id")).isEqualTo("jobs/progress/id.json");
    assertThat(DatasetRef.of("s3://b/datasets/d/f.csv").csvPath())
        .isEqualTo("s3://b/datasets/d/f.csv/dataset.csv");
    assertThat(DatasetRef.of("s3://b/datasets/d/f.csv/").csvPath())
        .isEqualTo("s3://b/datasets/d/f.csv/dataset.csv");
    assertThat(JobPaths.datasetCsvKey("d", "f.csv")).isEqualTo("datasets/d/f.csv/dataset.csv");
    DatasetRef ref = DatasetRef.of("lumigator", "6f1e2d3c", "dialogsum_exc.csv");
    assertThat(ref.path()).isEqualTo("s3://lumigator/datasets/6f1e2d3c/dialogsum_exc.csv");
    assertThat(ref.datasetId()).contains("6f1e2d3c");
    assertThat(ref.filename()).contains("dialogsum_exc.csv");
    assertThat(DatasetRef.of("s3://b/other/x/y").datasetId()).isEmpty();
    assertThat(DatasetRef.of("s3://b/datasets/x").filename()).isEmpty();
  }
}
