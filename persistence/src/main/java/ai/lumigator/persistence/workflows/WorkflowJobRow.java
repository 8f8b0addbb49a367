package ai.lumigator.persistence.workflows;

/** A job that a workflow ran in a role ({@code inference} or {@code evaluator}). */
public record WorkflowJobRow(String workflowId, String role, String jobId) {

  public static final String INFERENCE = "inference";
  public static final String EVALUATOR = "evaluator";
}
