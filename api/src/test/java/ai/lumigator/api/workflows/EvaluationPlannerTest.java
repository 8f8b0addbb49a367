package ai.lumigator.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.RequestBodies;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.api.jobs.InferenceCacheKey;
import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.workflows.evaluations.EvaluationRequest;
import ai.lumigator.workflows.evaluations.EvaluationWorkflows;
import ai.lumigator.workflows.jobs.GeneratedDatasetSpec;
import ai.lumigator.workflows.jobs.InferenceCacheSpec;
import ai.lumigator.workflows.jobs.JobRequest;
import ai.lumigator.workflows.jobs.JobWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationPlannerTest {
  static final String WF = "11111111-2222-3333-4444-555555555555";
  static final ObjectMapper JSON = new ObjectMapper();
  static final DatasetRow DATASET =
      new DatasetRow(
          "66666666-6666-6666-6666-666666666666",
          "dialogsum_exc.csv",
          "job",
          10,
          5,
          "[\"examples\",\"ground_truth\"]",
          "sha",
          true,
          null,
          false,
          null,
          "datasets/66666666-6666-6666-6666-666666666666/dialogsum_exc.csv",
          1);

  static ExperimentRow experiment(String task) {
    return new ExperimentRow("e", "exp", "", DATASET.id(), 3, task, 1, 1);
  }

  static WorkflowCreateRequest spec(String json) {
    return RequestBodies.read(json, WorkflowCreateRequest.class);
  }

  static final String BASIC =
      """
      {"name": "my wf", "experiment_id": "%s", "model": "org/model-x", "provider": "OpenAI",
       "secret_key_name": "openai_api_key", "job_timeout_sec": 120,
       "generation_config": {"temperature": 0.1}, "inference_output_field": "answer"}
      """
          .formatted("77777777-7777-7777-7777-777777777777");

  @Test
  void bothJobsAreNamedConfiguredAndChainedThroughThePredictionsDataset() throws Exception {
    EvaluationPlanner.Plan plan =
        EvaluationPlanner.plan(
            spec(BASIC), WF, experiment("{\"task\":\"summarization\"}"), DATASET, "bucket", 10);
    EvaluationRequest r = plan.request();

    String inferenceId = EvaluationWorkflows.inferenceJobId(WF);
    String evaluatorId = EvaluationWorkflows.evaluatorJobId(WF);
    String predictions = JobWorkflow.generatedDatasetId(inferenceId);
    assertThat(plan.systemPrompt()).startsWith("You are a helpful assistant, expert in text summ");

    JobRequest inference = r.inference().job();
    assertThat(r.inference().name()).isEqualTo("my wf-inference");
    assertThat(inference.jobId()).isEqualTo(inferenceId);
    assertThat(inference.timeoutSeconds()).isEqualTo(120);
    assertThat(inference.heartbeatTimeoutSeconds()).isEqualTo(10);
    assertThat(inference.secretName()).isEqualTo("openai_api_key");
    assertThat(inference.resultsKey()).isEqualTo("jobs/results/" + inferenceId + "/results.json");
    assertThat(inference.generatedDataset())
        .isEqualTo(
            new GeneratedDatasetSpec(
                "dialogsum_exc-org-model-x-predictions.csv", "predictions", "org/model-x"));
    InferenceJobConfig config = JobConfigJson.inference(inference.configJson());
    assertThat(config.name()).isEqualTo("my wf-inference/" + inferenceId);
    assertThat(config.dataset().path())
        .isEqualTo("s3://bucket/datasets/" + DATASET.id() + "/dialogsum_exc.csv");
    assertThat(config.inferenceServer().provider()).isEqualTo("openai");
    assertThat(config.systemPrompt()).isEqualTo(plan.systemPrompt());
    assertThat(config.job().maxSamples()).isEqualTo(3);
    assertThat(config.generationConfig().temperature()).isEqualTo(0.1);
    assertThat(inference.configJson()).doesNotContain("openai_api_key");

    JobRequest evaluator = r.evaluator().job();
    assertThat(r.evaluator().name()).isEqualTo("my wf-evaluation");
    assertThat(evaluator.jobId()).isEqualTo(evaluatorId);
    assertThat(evaluator.datasetId()).isEqualTo(predictions);
    assertThat(evaluator.secretName()).as("plain metrics need no key").isNull();
    assertThat(evaluator.generatedDataset()).isNull();
    EvaluatorJobConfig eval = JobConfigJson.evaluator(evaluator.configJson());
    assertThat(eval.dataset().path())
        .isEqualTo(
            "s3://bucket/datasets/" + predictions + "/dialogsum_exc-org-model-x-predictions.csv");
    assertThat(eval.evaluation().metrics()).containsExactly("rouge", "meteor");
    assertThat(eval.predictionsField()).isEqualTo("predictions");

    JsonNode inferenceRequest = JSON.readTree(r.inference().requestJson());
    assertThat(inferenceRequest.at("/job_config/output_field").asText()).isEqualTo("answer");
  }

  @Test
  void theInferenceHasACacheKeyUsedUnlessTheRequestOptsOutAndTheEvaluatorHasNone() {
    EvaluationRequest r =
        EvaluationPlanner.plan(
                spec(BASIC), WF, experiment("{\"task\":\"summarization\"}"), DATASET, "b", 10)
            .request();
    JobRequest inference = r.inference().job();
    String key =
        InferenceCacheKey.of(
            JobConfigJson.inference(inference.configJson()), DATASET.sha256(), DATASET.rowCount());
    assertThat(inference.cache()).isEqualTo(new InferenceCacheSpec(key, true));
    assertThat(r.evaluator().job().cache()).isNull();

    EvaluationRequest fresh =
        EvaluationPlanner.plan(
                spec(
                    BASIC.replace(
                        "\"job_timeout_sec\"", "\"use_cache\": false, \"job_timeout_sec\"")),
                "99999999-2222-3333-4444-555555555555",
                experiment("{\"task\":\"summarization\"}"),
                DATASET,
                "b",
                10)
            .request();
    // another workflow, the same inference: the same key
    assertThat(fresh.inference().job().cache()).isEqualTo(new InferenceCacheSpec(key, false));
  }

  @Test
  void theUisSelfHostedOptionRunsAgainstItsBaseUrl() throws Exception {
    // what the original web UI posts for "Add Model Run" → Via: Self-Hosted (with its own id)
    String body =
        """
        {"id": "4c1d2e", "name": "mine", "experiment_id": "77777777-7777-7777-7777-777777777777",
         "model": "my-model", "provider": "self-hosted", "base_url": "http://127.0.0.1:8081/v1",
         "dataset": "66666666-6666-6666-6666-666666666666", "max_samples": 3,
         "system_prompt": "Summarise.", "generation_config": {"temperature": 0.5, "top_p": 0.5}}
        """;
    EvaluationPlanner.Plan plan =
        EvaluationPlanner.plan(
            spec(body), WF, experiment("{\"task\":\"summarization\"}"), DATASET, "bucket", 10);
    InferenceJobConfig config =
        JobConfigJson.inference(plan.request().inference().job().configJson());
    assertThat(config.inferenceServer().provider()).isEqualTo("self-hosted");
    assertThat(config.inferenceServer().baseUrl()).isEqualTo("http://127.0.0.1:8081/v1");
    assertThat(config.inferenceServer().model()).isEqualTo("my-model");
    assertThat(plan.request().inference().job().secretName()).isNull();

    assertThatThrownBy(
            () ->
                EvaluationPlanner.check(
                    spec(
                        """
                        {"name": "w", "experiment_id": "77777777-7777-7777-7777-777777777777",
                         "model": "m", "provider": "self-hosted"}
                        """)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Provider self-hosted needs base_url (the URL of your OpenAI-compatible server, e.g."
                + " http://host:8000/v1)");
  }

  @Test
  void anEmptySystemPromptTakesTheTasksDefaultExceptForTextGeneration() throws Exception {
    String translation =
        "{\"task\":\"translation\",\"source_language\":\"English\",\"target_language\":\"German\"}";
    EvaluationPlanner.Plan plan =
        EvaluationPlanner.plan(
            spec(
                BASIC.replace(
                    "\"job_timeout_sec\"", "\"system_prompt\": \"\", \"job_timeout_sec\"")),
            WF,
            experiment(translation),
            DATASET,
            "b",
            10);
    assertThat(plan.systemPrompt()).endsWith("translate English to German.");
    assertThat(
            JobConfigJson.evaluator(plan.request().evaluator().job().configJson())
                .evaluation()
                .metrics())
        .containsExactly("bleu", "meteor");

    assertThatThrownBy(
            () ->
                EvaluationPlanner.plan(
                    spec(BASIC),
                    WF,
                    experiment("{\"task\":\"text-generation\"}"),
                    DATASET,
                    "b",
                    10))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("Default system_prompt not available for text-generation");
    EvaluationPlanner.Plan given =
        EvaluationPlanner.plan(
            spec(
                BASIC.replace(
                    "\"job_timeout_sec\"",
                    "\"system_prompt\": \"Continue.\", \"job_timeout_sec\"")),
            WF,
            experiment("{\"task\":\"text-generation\"}"),
            DATASET,
            "b",
            10);
    assertThat(given.systemPrompt()).isEqualTo("Continue.");
  }

  @Test
  void jobFieldErrorsAreReportedWhereTheWorkflowRequestHasThem() throws Exception {
    String bad =
        """
        {"name": "w", "experiment_id": "77777777-7777-7777-7777-777777777777", "model": "m",
         "provider": "baseline", "batch_size": 0, "job_timeout_sec": "soon",
         "generation_config": {"top_k": 5}, "metrics": "rouge"}
        """;
    assertThatThrownBy(() -> EvaluationPlanner.check(spec(bad)))
        .isInstanceOfSatisfying(
            RequestShapeException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationError::loc)
                    .containsExactlyInAnyOrder(
                        List.of("body", "batch_size"),
                        List.of("body", "job_timeout_sec"),
                        List.of("body", "generation_config", "top_k"),
                        List.of("body", "metrics")));
    assertThatThrownBy(
            () ->
                EvaluationPlanner.check(
                    spec(
                        """
                        {"name": "w", "experiment_id": "77777777-7777-7777-7777-777777777777",
                         "model": "m", "provider": "hf"}
                        """)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hosted_vllm");
  }

  @Test
  void theWorkflowsOwnFieldsAreCheckedFirst() {
    assertThatThrownBy(() -> spec("{\"experiment_id\": \"nope\", \"provider\": 3}"))
        .isInstanceOfSatisfying(
            RequestShapeException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationError::loc)
                    .containsExactly(
                        List.of("body", "name"),
                        List.of("body", "experiment_id"),
                        List.of("body", "model"),
                        List.of("body", "provider")));
  }
}
