package ai.lumigator.activities.evaluations;

/** Storage keys of a workflow's results (DESIGN.md, "Storage layout"). */
public final class EvaluationKeys {
  private EvaluationKeys() {}

  /** {@code workflows/results/{workflowId}/}: everything a workflow wrote itself. */
  public static String root(String workflowId) {
    return "workflows/results/" + workflowId + "/";
  }

  /** {@code workflows/results/{workflowId}/compiled.json}. */
  public static String compiled(String workflowId) {
    return root(workflowId) + "compiled.json";
  }
}
