package ai.lumigator.jobs;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Log lines of a job program, on stdout (Ray captures it), one line per event. Any registered
 * secret value is replaced by {@code <REDACTED>} before a line is printed.
 */
public final class JobLog {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final List<String> SECRETS = new CopyOnWriteArrayList<>();
  private static volatile PrintStream out = System.out;

  private JobLog() {}

  /** Registers a secret (e.g. the {@code api_key} value) that must never be printed. */
  public static void addSecret(String secret) {
    if (secret != null && secret.length() >= 4) {
      SECRETS.add(secret);
    }
  }

  /** Replaces every registered secret in a text. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String r = text;
    for (String s : SECRETS) {
      r = r.replace(s, "<REDACTED>");
    }
    return r;
  }

  /** Redirects the log (tests). */
  public static void setOut(PrintStream stream) {
    out = stream;
  }

  public static void info(String message) {
    print("INFO", message);
  }

  public static void warn(String message) {
    print("WARN", message);
  }

  private static void print(String level, String message) {
    out.println(TIME.format(Instant.now()) + " " + level + " " + redact(message));
    out.flush();
  }
}
