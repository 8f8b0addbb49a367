package ai.lumigator.activities.jobs;

/**
 * The end state of a Ray job.
 *
 * @param status Ray's terminal status, lower-case: succeeded, failed or stopped
 * @param timedOut true when we stopped it because its deadline passed
 */
public record RayJobOutcome(
    String submissionId,
    String status,
    String message,
    String errorType,
    Long startTime,
    Long endTime,
    Integer driverExitCode,
    boolean timedOut) {

  public boolean succeeded() {
    return "succeeded".equals(status);
  }
}
