package ai.lumigator.workflows;

/** Business ids as workflow ids: one workflow per business object, found again by its id. */
public final class WorkflowIds {
  private WorkflowIds() {}

  public static String smoke(String runId) {
    return "smoke-" + runId;
  }

  public static String datasetIngest(String datasetId) {
    return "dataset-ingest-" + datasetId;
  }

  public static String job(String jobId) {
    return "job-" + jobId;
  }

  public static String evaluation(String workflowId) {
    return "evaluation-" + workflowId;
  }

  /** The deletion of a dataset, workflow or experiment (ids are unique across them). */
  public static String deletion(String id) {
    return "delete-" + id;
  }
}
