package ai.lumigator.activities;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code failure_reason} users read: one line naming the cause. Ray's message for a failed job
 * is its log tail (the whole entrypoint and job config included); the job program's own one-line
 * error ("lumigator job X failed: ...") in it is the cause. The full text stays in the job's logs.
 */
public final class FailureReasons {
  /** Longer reasons are cut here: a reason is a sentence, not a log. */
  public static final int MAX_CHARS = 500;

  private static final Pattern PROGRAM_ERROR =
      Pattern.compile("(?m)^.*?lumigator job \\S+ failed: (.+)$");
  private static final Pattern RAY_ENTRYPOINT_FAILED =
      Pattern.compile("Job entrypoint command failed with exit code (-?\\d+)");

  private FailureReasons() {}

  public static String oneLine(String raw) {
    if (raw == null) return null;
    String first = firstLine(raw);
    Matcher ray = RAY_ENTRYPOINT_FAILED.matcher(first);
    String text = first;
    if (ray.find()) {
      Matcher program = PROGRAM_ERROR.matcher(raw);
      String cause =
          program.find()
              ? program.group(1)
              : "the job program exited with code " + ray.group(1) + " (see the job's logs)";
      text = first.substring(0, ray.start()) + cause;
    }
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
