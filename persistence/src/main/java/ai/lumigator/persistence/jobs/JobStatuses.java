package ai.lumigator.persistence.jobs;

import java.util.Set;

/** The values of {@code jobs.status}, as stored. */
public final class JobStatuses {

  public static final String CREATED = "created";
  public static final String PENDING = "pending";
  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String STOPPED = "stopped";

  /** A job in one of these states never changes state again. */
  public static final Set<String> TERMINAL = Set.of(SUCCEEDED, FAILED, STOPPED);

  private JobStatuses() {}

  public static boolean isTerminal(String status) {
    return TERMINAL.contains(status);
  }
}
