package ai.lumigator.api.jobs;

/** A job create request's {@code job_config}: one record per job type. */
public sealed interface JobConfigRequest permits ModelJobConfig, EvaluatorConfigRequest {
  /** The job type of the endpoint that takes this config. */
  String type();

  JobSpec spec(JobCreateRequest<?> request);
}
