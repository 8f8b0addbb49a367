package ai.lumigator.api.jobs;

import ai.lumigator.jobs.config.DatasetRef;
import ai.lumigator.jobs.config.EvaluationSettings;
import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.jobs.config.InferenceServer;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.jobs.JobTypes;
import ai.lumigator.workflows.jobs.InferenceCacheSpec;

/**
 * The job program's config for a request, built with the records of {@code
 * ai.lumigator.jobs.config} (the one copy of the schema). Never holds a secret.
 */
public final class JobPrograms {
  private JobPrograms() {}

  /** inference or evaluator: the jobs jar's sub-command. */
  public static String command(String jobType) {
    return JobTypes.EVALUATOR.equals(jobType) ? "evaluator" : "inference";
  }

  public static String configJson(
      JobSpec spec, String jobId, String bucket, String datasetFilename) {
    String datasetPath = DatasetRef.of(bucket, spec.datasetId().toString(), datasetFilename).path();
    String resultsPath = JobPaths.resultsPath(bucket, jobId);
    if (JobTypes.EVALUATOR.equals(spec.jobType())) {
      return JobConfigJson.toJson(
          EvaluatorJobConfig.of(
              spec.name(),
              jobId,
              datasetPath,
              new EvaluationSettings(
                  spec.metrics(), spec.llmAsJudge(), spec.maxSamples(), true, true, resultsPath),
              EvaluatorJobConfig.DEFAULT_PREDICTIONS_FIELD));
    }
    return JobConfigJson.toJson(
        InferenceJobConfig.of(
            spec.name(),
            jobId,
            datasetPath,
            InferenceJobSettings.of(
                spec.maxSamples(), spec.batchSize(), spec.outputField(), resultsPath),
            spec.taskDefinition(),
            spec.systemPrompt(),
            InferenceServer.of(
                spec.baseUrl(), spec.model(), spec.provider(), InferenceServer.DEFAULT_MAX_RETRIES),
            spec.generationConfig()));
  }

  /**
   * An inference job's place in the inference cache, from its config and dataset; null for the
   * other job types and for a dataset without a recorded SHA-256.
   */
  public static InferenceCacheSpec cache(JobSpec spec, String configJson, DatasetRow dataset) {
    if (!JobTypes.INFERENCE.equals(spec.jobType()) || dataset.sha256() == null) return null;
    InferenceJobConfig config = JobConfigJson.fromJson(configJson, InferenceJobConfig.class);
    return new InferenceCacheSpec(
        InferenceCacheKey.of(config, dataset.sha256(), dataset.rowCount()), spec.useCache());
  }

  /**
   * The file name of the dataset a job generates: {@code {stem}-{model}-predictions.csv} for
   * inference (the name the evaluation pipeline uses), {@code {stem}-{model}-annotations.csv} for
   * annotate; a {@code /} in the model becomes {@code -}.
   */
  public static String generatedFilename(String sourceFilename, String jobType, String model) {
    String stem =
        sourceFilename.toLowerCase().endsWith(".csv")
            ? sourceFilename.substring(0, sourceFilename.length() - 4)
            : sourceFilename;
    String suffix = JobTypes.ANNOTATE.equals(jobType) ? "annotations" : "predictions";
    return stem + "-" + model.replace('/', '-') + "-" + suffix + ".csv";
  }
}
