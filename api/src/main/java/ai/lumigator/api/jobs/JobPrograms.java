package ai.lumigator.api.jobs;

import ai.lumigator.jobs.config.DatasetRef;
import ai.lumigator.jobs.config.EvaluationSettings;
import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.jobs.config.InferenceServer;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.jobs.JobTypes;

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
