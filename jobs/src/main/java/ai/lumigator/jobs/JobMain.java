package ai.lumigator.jobs;

import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.SmokeConfig;
import ai.lumigator.jobs.evaluator.EvaluatorProgram;
import ai.lumigator.jobs.evaluator.MetricsBackend;
import ai.lumigator.jobs.evaluator.RegistryMetricsBackend;
import ai.lumigator.jobs.inference.InferenceProgram;
import ai.lumigator.jobs.progress.ProgressReporter;
import ai.lumigator.jobs.smoke.SmokeProgram;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3ObjectStore;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Entry point of the job programs Ray runs:
 *
 * <pre>
 * java -jar lumigator-jobs-&lt;version&gt;-all.jar smoke|inference|evaluator --config '&lt;json&gt;'
 * </pre>
 *
 * ({@code --config=<json>} works too.) Logs go to stdout. Exit code 0 on success; on failure a
 * single line {@code lumigator job <command> failed: <reason>} on stderr and exit code {@value
 * #EXIT_BAD_INPUT} for a bad command line, config or input data, {@value #EXIT_FAILED} for anything
 * else (provider, storage, ...). Environment: see {@link JobEnv}.
 */
public final class JobMain {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_BAD_INPUT = 2;

  static final String USAGE =
      "usage: java -jar lumigator-jobs-all.jar <smoke|inference|evaluator> --config '<json>'";

  private final JobEnv env;
  private final Function<JobEnv, ObjectStore> stores;
  private final Supplier<MetricsBackend> metrics;
  private final Duration progressInterval;
  private final PrintStream err;

  public JobMain(
      JobEnv env,
      Function<JobEnv, ObjectStore> stores,
      Supplier<MetricsBackend> metrics,
      Duration progressInterval,
      PrintStream err) {
    this.env = env;
    this.stores = stores;
    this.metrics = metrics;
    this.progressInterval = progressInterval;
    this.err = err;
  }

  public static void main(String[] args) {
    // the AWS SDK logs through slf4j-simple: keep it on stdout and quiet, so stderr holds only
    // our one-line error
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    JobEnv env = JobEnv.system();
    JobLog.addSecret(env.apiKey());
    int code =
        new JobMain(
                env,
                e -> S3ObjectStore.fromEnv(e.vars()),
                RegistryMetricsBackend::new,
                ProgressReporter.DEFAULT_INTERVAL,
                System.err)
            .run(args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command; returns the exit code. */
  public int run(String[] args) {
    String command = args.length > 0 ? args[0] : "";
    String config;
    try {
      config = configArgument(args);
    } catch (IllegalArgumentException e) {
      return fail(command.isEmpty() ? "(none)" : command, e.getMessage(), EXIT_BAD_INPUT);
    }
    try {
      switch (command) {
        case "smoke" -> {
          SmokeConfig c = JobConfigJson.smoke(config);
          try (ObjectStore store = stores.apply(env)) {
            new SmokeProgram(store).run(c);
          }
        }
        case "inference" -> {
          InferenceJobConfig c = JobConfigJson.inference(config);
          try (ObjectStore store = stores.apply(env)) {
            String apiKey = JobSecret.take(env, store);
            new InferenceProgram(
                    store,
                    env.jobId(c.name()),
                    apiKey,
                    progressInterval,
                    env.chunkSize(InferenceProgram.DEFAULT_CHUNK_SIZE))
                .run(c);
          }
        }
        case "evaluator" -> {
          EvaluatorJobConfig c = JobConfigJson.evaluator(config);
          MetricsBackend backend = metrics.get();
          try (ObjectStore store = stores.apply(env)) {
            new EvaluatorProgram(store, env.jobId(c.name()), progressInterval, backend).run(c);
          }
        }
        default -> {
          return fail(command, "unknown command '" + command + "'. " + USAGE, EXIT_BAD_INPUT);
        }
      }
      JobLog.info("job " + command + " succeeded");
      return EXIT_OK;
    } catch (IllegalArgumentException e) {
      return fail(command, e.getMessage(), EXIT_BAD_INPUT);
    } catch (RuntimeException | Error e) {
      String m = e.getMessage();
      return fail(
          command, m == null || m.isBlank() ? e.getClass().getSimpleName() : m, EXIT_FAILED);
    }
  }

  private int fail(String command, String message, int code) {
    String line = JobLog.redact(message == null ? "" : message).replaceAll("\\s+", " ").trim();
    err.println("lumigator job " + command + " failed: " + line);
    err.flush();
    return code;
  }

  static String configArgument(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("no command given. " + USAGE);
    }
    String config = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--config")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--config needs a JSON value. " + USAGE);
        }
        config = args[++i];
      } else if (a.startsWith("--config=")) {
        config = a.substring("--config=".length());
      } else {
        throw new IllegalArgumentException("unexpected argument '" + a + "'. " + USAGE);
      }
    }
    if (config == null || config.isBlank()) {
      throw new IllegalArgumentException("missing --config '<json>'. " + USAGE);
    }
    return config;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
