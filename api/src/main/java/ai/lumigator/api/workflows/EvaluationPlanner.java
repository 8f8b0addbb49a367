package ai.lumigator.api.workflows;

import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.jobs.EvaluatorConfigRequest;
import ai.lumigator.api.jobs.InferenceConfigRequest;
import ai.lumigator.api.jobs.JobCreateRequest;
import ai.lumigator.api.jobs.JobPrograms;
import ai.lumigator.api.jobs.JobSpec;
import ai.lumigator.api.jobs.TaskDefinitionRequest;
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
import java.util.UUID;

/**
 * A workflow's two jobs as job create requests (the jobs API checks them and its program builder
 * writes their configs, so both kinds of jobs are configured the one same way): the inference job
 * {@code {name}-inference} on the experiment's dataset, storing its predictions as {@code
 * {stem}-{model with / as -}-predictions.csv} (column {@code predictions}), and the evaluator job
 * {@code {name}-evaluation} on that dataset. Job ids derive from the workflow id.
 */
final class EvaluationPlanner {
  /** The predictions dataset's column of model outputs, which the evaluator reads. */
  static final String PREDICTIONS_COLUMN = "predictions";

  private static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";

  /**
   * @param systemPrompt the system prompt the model gets (the task's default when none was given)
   */
  record Plan(EvaluationRequest request, String systemPrompt) {}

  private record JobSpecs(
      JobSpec inference,
      JobCreateRequest<InferenceConfigRequest> inferenceRequest,
      JobSpec evaluator,
      JobCreateRequest<EvaluatorConfigRequest> evaluatorRequest) {}

  private EvaluationPlanner() {}

  /**
   * Checks that the jobs can run (a 422 naming a provider or metric this release cannot run) before
   * anything is looked up.
   */
  static void check(WorkflowCreateRequest spec) {
    specs(
        spec,
        PLACEHOLDER_ID,
        -1,
        TaskDefinition.summarization(),
        spec.systemPrompt(),
        PLACEHOLDER_ID);
  }

  static Plan plan(
      WorkflowCreateRequest spec,
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
    String inferenceConfig =
        JobPrograms.configJson(inference, inferenceId, bucket, dataset.filename());
    JobRequest inferenceJob =
        new JobRequest(
            inferenceId,
            JobTypes.INFERENCE,
            JobPrograms.command(JobTypes.INFERENCE),
            inferenceConfig,
            inference.secretKeyName(),
            dataset.id(),
            inference.model(),
            JobPaths.resultsKey(inferenceId),
            inference.timeoutSeconds(),
            heartbeatTimeoutSeconds,
            new GeneratedDatasetSpec(predictionsFile, PREDICTIONS_COLUMN, spec.model()),
            JobPrograms.cache(inference, inferenceConfig, dataset));
    JobRequest evaluatorJob =
        new JobRequest(
            evaluatorId,
            JobTypes.EVALUATOR,
            JobPrograms.command(JobTypes.EVALUATOR),
            JobPrograms.configJson(evaluator, evaluatorId, bucket, predictionsFile),
            evaluator.secretKeyName(),
            predictionsId,
            null,
            JobPaths.resultsKey(evaluatorId),
            evaluator.timeoutSeconds(),
            heartbeatTimeoutSeconds,
            null,
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
                JobConfigJson.toJson(specs.inferenceRequest()),
                inferenceJob),
            new EvaluationJob(
                evaluator.name(),
                evaluator.description(),
                JobConfigJson.toJson(specs.evaluatorRequest()),
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
  static String systemPrompt(WorkflowCreateRequest spec, TaskDefinition task) {
    if (spec.systemPrompt() != null && !spec.systemPrompt().isBlank()) return spec.systemPrompt();
    return task.defaultSystemPrompt()
        .orElseThrow(
            () ->
                new BadRequestException("Default system_prompt not available for " + task.task()));
  }

  private static JobSpecs specs(
      WorkflowCreateRequest spec,
      String datasetId,
      int maxSamples,
      TaskDefinition task,
      String systemPrompt,
      String predictionsDatasetId) {
    TaskDefinitionRequest taskRequest = TaskDefinitionRequest.of(task);
    JobCreateRequest<InferenceConfigRequest> inference =
        new JobCreateRequest<>(
            spec.name() + "-inference",
            spec.descriptionOrDefault(),
            UUID.fromString(datasetId),
            maxSamples,
            spec.batchSize(),
            spec.jobTimeoutSec(),
            new InferenceConfigRequest(
                JobTypes.INFERENCE,
                spec.model(),
                spec.provider(),
                taskRequest,
                spec.baseUrl(),
                spec.outputField(),
                systemPrompt,
                spec.secretKeyName(),
                null,
                spec.generationConfig(),
                spec.useCache()));
    JobCreateRequest<EvaluatorConfigRequest> evaluator =
        new JobCreateRequest<>(
            spec.name() + "-evaluation",
            spec.descriptionOrDefault(),
            UUID.fromString(predictionsDatasetId),
            maxSamples,
            null,
            spec.jobTimeoutSec(),
            new EvaluatorConfigRequest(
                JobTypes.EVALUATOR,
                taskRequest,
                // only a judge model talks to a provider; plain metrics need no secret
                spec.llmAsJudge() != null ? spec.secretKeyName() : null,
                spec.metrics(),
                spec.llmAsJudge()));
    return new JobSpecs(inference.spec(), inference, evaluator.spec(), evaluator);
  }
}
