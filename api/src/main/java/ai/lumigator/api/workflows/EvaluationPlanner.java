package ai.lumigator.api.workflows;

import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.jobs.JobCreateParser;
import ai.lumigator.api.jobs.JobPrograms;
import ai.lumigator.api.jobs.JobSpec;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.jobs.JobTypes;
import ai.lumigator.workflows.evaluations.EvaluationJob;
import ai.lumigator.workflows.evaluations.EvaluationRequest;
import ai.lumigator.workflows.evaluations.EvaluationWorkflows;
import ai.lumigator.workflows.jobs.GeneratedDatasetSpec;
import ai.lumigator.workflows.jobs.JobRequest;
import ai.lumigator.workflows.jobs.JobWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workflow's two jobs as job create requests (the jobs API's parser checks them and its program
 * builder writes their configs, so both kinds of jobs are configured the one same way): the
 * inference job {@code {name}-inference} on the experiment's dataset, storing its predictions as
 * {@code {stem}-{model with / as -}-predictions.csv} (column {@code predictions}), and the
 * evaluator job {@code {name}-evaluation} on that dataset. Job ids derive from the workflow id.
 */
final class EvaluationPlanner {
  /** The predictions dataset's column of model outputs, which the evaluator reads. */
  static final String PREDICTIONS_COLUMN = "predictions";

  /** A job field whose name in a workflow request differs. */
  private static final Map<String, String> RENAMED =
      Map.of("output_field", "inference_output_field");

  private static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";

  /**
   * @param systemPrompt the system prompt the model gets (the task's default when none was given)
   */
  record Plan(EvaluationRequest request, String systemPrompt) {}

  private record JobSpecs(
      JobSpec inference, ObjectNode inferenceBody, JobSpec evaluator, ObjectNode evaluatorBody) {}

  private EvaluationPlanner() {}

  /** Checks the job fields (422) before anything is looked up. */
  static void check(WorkflowSpec spec) {
    specs(
        spec,
        PLACEHOLDER_ID,
        -1,
        TaskDefinition.summarization(),
        spec.systemPrompt(),
        PLACEHOLDER_ID);
  }

  static Plan plan(
      WorkflowSpec spec,
      String workflowId,
      ExperimentRow experiment,
      DatasetRow dataset,
      String bucket,
      long heartbeatTimeoutSeconds) {
    TaskDefinition task = taskOf(experiment);
    String systemPrompt = systemPrompt(spec, task);
    String inferenceId = EvaluationWorkflows.inferenceJobId(workflowId);
    String evaluatorId = EvaluationWorkflows.evaluatorJobId(workflowId);
    String predictionsId = JobWorkflow.generatedDatasetId(inferenceId);
    String predictionsFile =
        JobPrograms.generatedFilename(dataset.filename(), JobTypes.INFERENCE, spec.model());
    JobSpecs specs =
        specs(spec, dataset.id(), experiment.maxSamples(), task, systemPrompt, predictionsId);
    JobSpec inference = specs.inference();
    JobSpec evaluator = specs.evaluator();
    JobRequest inferenceJob =
        new JobRequest(
            inferenceId,
            JobTypes.INFERENCE,
            JobPrograms.command(JobTypes.INFERENCE),
            JobPrograms.configJson(inference, inferenceId, bucket, dataset.filename()),
            inference.secretKeyName(),
            dataset.id(),
            inference.model(),
            JobPaths.resultsKey(inference.name(), inferenceId),
            inference.timeoutSeconds(),
            heartbeatTimeoutSeconds,
            new GeneratedDatasetSpec(predictionsFile, PREDICTIONS_COLUMN, spec.model()));
    JobRequest evaluatorJob =
        new JobRequest(
            evaluatorId,
            JobTypes.EVALUATOR,
            JobPrograms.command(JobTypes.EVALUATOR),
            JobPrograms.configJson(evaluator, evaluatorId, bucket, predictionsFile),
            evaluator.secretKeyName(),
            predictionsId,
            null,
            JobPaths.resultsKey(evaluator.name(), evaluatorId),
            evaluator.timeoutSeconds(),
            heartbeatTimeoutSeconds,
            null);
    EvaluationRequest request =
        new EvaluationRequest(
            workflowId,
            experiment.id(),
            dataset.id(),
            spec.model(),
            new EvaluationJob(
                inference.name(),
                inference.description(),
                specs.inferenceBody().toString(),
                inferenceJob),
            new EvaluationJob(
                evaluator.name(),
                evaluator.description(),
                specs.evaluatorBody().toString(),
                evaluatorJob));
    return new Plan(request, systemPrompt);
  }

  static TaskDefinition taskOf(ExperimentRow experiment) {
    return JobConfigJson.fromJson(experiment.taskDefinitionJson(), TaskDefinition.class);
  }

  /**
   * The request's system prompt, or the task's default when it has none.
   *
   * @throws BadRequestException for text-generation without a system prompt (it has no default)
   */
  static String systemPrompt(WorkflowSpec spec, TaskDefinition task) {
    if (spec.systemPrompt() != null && !spec.systemPrompt().isBlank()) return spec.systemPrompt();
    return task.defaultSystemPrompt()
        .orElseThrow(
            () ->
                new BadRequestException("Default system_prompt not available for " + task.task()));
  }

  private static JobSpecs specs(
      WorkflowSpec spec,
      String datasetId,
      int maxSamples,
      TaskDefinition task,
      String systemPrompt,
      String predictionsDatasetId) {
    JsonNode taskNode = JobConfigJson.toTree(task);
    ObjectNode inferenceBody = JsonNodeFactory.instance.objectNode();
    inferenceBody.put("name", spec.name() + "-inference");
    inferenceBody.put("description", spec.description());
    inferenceBody.put("dataset", datasetId);
    inferenceBody.put("max_samples", maxSamples);
    setIfPresent(inferenceBody, "batch_size", spec.batchSize());
    setIfPresent(inferenceBody, "job_timeout_sec", spec.jobTimeoutSec());
    ObjectNode inferenceConfig = inferenceBody.putObject("job_config");
    inferenceConfig.put("job_type", JobTypes.INFERENCE);
    inferenceConfig.put("model", spec.model());
    inferenceConfig.put("provider", spec.provider());
    inferenceConfig.set("task_definition", taskNode);
    inferenceConfig.put("base_url", spec.baseUrl());
    inferenceConfig.put("output_field", spec.outputField());
    inferenceConfig.put("system_prompt", systemPrompt);
    inferenceConfig.put("secret_key_name", spec.secretKeyName());
    setIfPresent(inferenceConfig, "generation_config", spec.generationConfig());

    ObjectNode evaluatorBody = JsonNodeFactory.instance.objectNode();
    evaluatorBody.put("name", spec.name() + "-evaluation");
    evaluatorBody.put("description", spec.description());
    evaluatorBody.put("dataset", predictionsDatasetId);
    evaluatorBody.put("max_samples", maxSamples);
    setIfPresent(evaluatorBody, "job_timeout_sec", spec.jobTimeoutSec());
    ObjectNode evaluatorConfig = evaluatorBody.putObject("job_config");
    evaluatorConfig.put("job_type", JobTypes.EVALUATOR);
    evaluatorConfig.set("task_definition", taskNode);
    setIfPresent(evaluatorConfig, "metrics", spec.metrics());
    setIfPresent(evaluatorConfig, "llm_as_judge", spec.llmAsJudge());
    // only a judge model talks to a provider; plain metrics need no secret
    if (spec.llmAsJudge() != null && !spec.llmAsJudge().isNull()) {
      evaluatorConfig.put("secret_key_name", spec.secretKeyName());
    }

    List<RequestShapeException> failures = new ArrayList<>();
    JobSpec inference = null;
    JobSpec evaluator = null;
    try {
      inference = JobCreateParser.parse(inferenceBody, JobTypes.INFERENCE);
    } catch (RequestShapeException e) {
      failures.add(e);
    }
    try {
      evaluator = JobCreateParser.parse(evaluatorBody, JobTypes.EVALUATOR);
    } catch (RequestShapeException e) {
      failures.add(e);
    }
    if (!failures.isEmpty()) throw ShapeErrors.relocated(failures, RENAMED);
    return new JobSpecs(inference, inferenceBody, evaluator, evaluatorBody);
  }

  private static void setIfPresent(ObjectNode node, String field, JsonNode value) {
    if (value != null) node.set(field, value);
  }
}
