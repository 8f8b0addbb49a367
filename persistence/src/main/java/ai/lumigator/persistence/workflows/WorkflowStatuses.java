package ai.lumigator.persistence.workflows;

import java.util.Set;

/** The values of {@code workflows.status}, as stored. */
public final class WorkflowStatuses {

  public static final String CREATED = "created";
  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  /** A workflow in one of these states never changes state again. */
  public static final Set<String> TERMINAL = Set.of(SUCCEEDED, FAILED);

  private WorkflowStatuses() {}

  public static boolean isTerminal(String status) {
    return TERMINAL.contains(status);
  }
}
