package ai.lumigator.activities.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * Ray's message for an entrypoint that did not exit 0 (the code when there is no driver code).
   */
  private static final Pattern EXIT_CODE = Pattern.compile("failed with exit code (-?\\d+)");

  /**
   * Whether the job failed because its program's process died of a signal (killed, OOM-killed)
   * rather than by the program's own exit: Ray reports the entrypoint's exit code negative when the
   * process it started was the one killed, and 128 + signal when the shell around it reports it. A
   * job program that fails exits 1 or 2 ({@code JobMain}).
   */
  public boolean processKilled() {
    if (timedOut || !"failed".equals(status)) return false;
    Integer code = driverExitCode;
    if (code == null && message != null) {
      Matcher m = EXIT_CODE.matcher(message);
      if (m.find()) code = Integer.valueOf(m.group(1));
    }
    return code != null && (code < 0 || code > 128);
  }
}
