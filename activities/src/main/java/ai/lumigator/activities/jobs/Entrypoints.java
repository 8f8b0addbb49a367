package ai.lumigator.activities.jobs;

import ai.lumigator.activities.ray.RayPackages;

/** Builds the shell command Ray runs for a job program (Ray runs entrypoints through a shell). */
final class Entrypoints {
  /**
   * The job programs' classes as the JVM loaded them, next to the jar in the job's working_dir (one
   * per package and node): a job program starting from it spends about half the CPU (0.9 s instead
   * of 1.6 s for a small inference job), most of it in loading and linking ~4,800 classes.
   */
  static final String CLASS_ARCHIVE = "lumigator-jobs.jsa";

  private Entrypoints() {}

  /**
   * @param classDataSharing start from {@value #CLASS_ARCHIVE} when it exists; otherwise run with
   *     the JVM recording it at exit, and put it in place (atomically: jobs of the same package may
   *     run at once) for the jobs that follow
   */
  static String of(
      String javaOptions, String command, String configJson, boolean classDataSharing) {
    if (!command.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException("not a job program command: " + command);
    }
    String opts = javaOptions == null || javaOptions.isBlank() ? "" : javaOptions.trim() + " ";
    String program =
        "-jar " + RayPackages.JOBS_JAR + " " + command + " --config " + shellQuote(configJson);
    if (!classDataSharing) return "java " + opts + program;
    // -Xlog:cds*=off: the archive's own warnings (classes it cannot hold) would clutter the log
    String java = "-Xlog:cds*=off " + opts + "\"$@\"";
    return ("set -- %1$s; if [ -f %2$s ]; then exec java -XX:SharedArchiveFile=%2$s %3$s; fi; "
            + "java -XX:ArchiveClassesAtExit=%2$s.$$ %3$s; rc=$?; "
            + "mv -f %2$s.$$ %2$s 2>/dev/null; exit $rc")
        .formatted(program, CLASS_ARCHIVE, java);
  }

  /** POSIX single-quoting: safe for any content, including quotes and newlines. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
