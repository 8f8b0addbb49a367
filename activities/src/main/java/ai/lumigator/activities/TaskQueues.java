package ai.lumigator.activities;

/** Task-queue names shared by the API (client side) and the worker (polling side). */
public final class TaskQueues {
  /** Workflow tasks: pure orchestration, cheap. */
  public static final String ORCHESTRATION = "lumigator-orchestration";

  /** Ray submit/await/stop/logs: long, mostly waiting, so many slots. */
  public static final String RAY = "lumigator-ray";

  /** S3, CSV and database I/O. */
  public static final String IO = "lumigator-io";

  private TaskQueues() {}
}
