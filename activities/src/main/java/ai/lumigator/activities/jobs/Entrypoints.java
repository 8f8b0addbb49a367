package ai.lumigator.activities.jobs;

import ai.lumigator.activities.ray.RayPackages;

/** Builds the shell command Ray runs for a job program (Ray runs entrypoints through a shell). */
final class Entrypoints {
  private Entrypoints() {}

  static String of(String javaOptions, String command, String configJson) {
    if (!command.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException("not a job program command: " + command);
    }
    String opts = javaOptions == null || javaOptions.isBlank() ? "" : javaOptions.trim() + " ";
    return "java "
        + opts
        + "-jar "
        + RayPackages.JOBS_JAR
        + " "
        + command
        + " --config "
        + shellQuote(configJson);
  }

  /** POSIX single-quoting: safe for any content, including quotes and newlines. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
