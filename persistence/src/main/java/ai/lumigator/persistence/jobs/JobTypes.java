package ai.lumigator.persistence.jobs;

/** The values of {@code jobs.job_type}, as stored. */
public final class JobTypes {

  public static final String INFERENCE = "inference";
  public static final String EVALUATOR = "evaluator";
  public static final String ANNOTATE = "annotate";

  private JobTypes() {}
}
