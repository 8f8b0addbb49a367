package ai.lumigator.jobs.inference;

import ai.lumigator.jobs.JobLog;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.dataset.DatasetReader;
import ai.lumigator.jobs.dataset.SampleLimit;
import ai.lumigator.jobs.progress.ProgressReporter;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import ai.lumigator.jobs.storage.StoredJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The inference job: reads the dataset's first {@code max_samples} rows (all when not positive),
 * predicts each example with the configured provider (bounded concurrency, input order kept),
 * writes results.json to {@code job.storage_path} and progress to {@code jobs/progress/<job
 * id>.json}. A sample that still fails after its retries fails the job (see {@link
 * InferenceRunner}).
 *
 * <p>Resumable: with a job id, finished samples go to S3 in chunks as they complete ({@link
 * InferenceChunks}); a later run of the same job (a retry after its program was killed) starts from
 * the chunks it finds, asks the provider only for the rest, and removes the chunks once
 * results.json is written. {@code inference_time} is the time of the run that wrote the results.
 */
public final class InferenceProgram {
  /** Samples per chunk kept for a retry unless {@code LUMIGATOR_INFERENCE_CHUNK_SIZE} says. */
  public static final int DEFAULT_CHUNK_SIZE = InferenceChunks.DEFAULT_SIZE;

  private final ObjectStore store;
  private final Optional<String> jobId;
  private final String apiKey;
  private final Duration progressInterval;
  private final int chunkSize;

  public InferenceProgram(
      ObjectStore store, Optional<String> jobId, String apiKey, Duration progressInterval) {
    this(store, jobId, apiKey, progressInterval, InferenceChunks.DEFAULT_SIZE);
  }

  /**
   * @param chunkSize samples per chunk kept for a retry (see {@link InferenceChunks})
   */
  public InferenceProgram(
      ObjectStore store,
      Optional<String> jobId,
      String apiKey,
      Duration progressInterval,
      int chunkSize) {
    this.store = store;
    this.jobId = jobId;
    this.apiKey = apiKey;
    this.progressInterval = progressInterval;
    this.chunkSize = chunkSize;
  }

  /** Validates the config, runs the job with the provider it names, and returns what it wrote. */
  public InferenceResults run(InferenceJobConfig config) {
    requireValid(config);
    try (ModelClient client =
        Providers.create(
            config.inferenceServer(),
            config.generationConfig(),
            config.effectiveSystemPrompt(),
            apiKey)) {
      return run(config, client);
    }
  }

  /** Runs the job with a given client (tests, or callers that build their own). */
  public InferenceResults run(InferenceJobConfig config, ModelClient client) {
    requireValid(config);
    S3Location output = S3Location.parse(config.job().storagePath());
    S3Location csv = S3Location.parse(config.dataset().csvPath());
    JobLog.info(
        "inference job "
            + config.name()
            + ": provider "
            + config.inferenceServer().provider()
            + ", model "
            + config.inferenceServer().model()
            + ", dataset "
            + csv
            + ", max_samples "
            + config.job().maxSamples());

    Input input = readInput(csv, config.job().maxSamples());
    int n = input.examples().size();
    int concurrency =
        config.inferenceServer().concurrency() != null
            ? config.inferenceServer().concurrency()
            : client.defaultConcurrency();
    JobLog.info("read " + n + " sample(s); predicting with concurrency " + concurrency);

    Optional<InferenceChunks> chunks =
        jobId.map(id -> new InferenceChunks(store, output.bucket(), id, chunkSize, n));
    List<Completion> completions =
        new ArrayList<>(chunks.map(InferenceChunks::resume).orElse(List.of()));
    int from = completions.size();
    if (from > 0) JobLog.info("resuming from " + from + " of " + n + " samples");
    long start = System.nanoTime();
    ProgressReporter progress =
        new ProgressReporter(store, output.bucket(), jobId, "inference", n, progressInterval);
    progress.add(from);
    try {
      completions.addAll(
          InferenceRunner.run(
              client,
              input.examples(),
              from,
              concurrency,
              (i, c) -> {
                progress.increment();
                chunks.ifPresent(k -> k.completed(i, c));
              }));
    } finally {
      progress.close();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    List<TokenUsage> usage =
        completions.stream().map(Completion::usage).collect(Collectors.toList());
    boolean anyUsage = usage.stream().anyMatch(u -> u != null);
    List<Double> latency = completions.stream().map(Completion::latencyMs).toList();
    boolean anyLatency = latency.stream().anyMatch(l -> l != null);
    InferenceArtifacts artifacts =
        new InferenceArtifacts(
            completions.stream().map(Completion::text).collect(Collectors.toList()),
            input.examples(),
            input.groundTruth(),
            config.inferenceServer().model(),
            seconds,
            anyUsage ? usage : null,
            anyLatency ? latency : null);
    InferenceResults results =
        new InferenceResults(InferenceResults.usageMetrics(completions), artifacts, config);
    StoredJson.write(store, output, results); // waits out an unreachable store
    progress.publishIfBehind();
    chunks.ifPresent(InferenceChunks::deleteAll); // kept until now: a failed write resumes
    JobLog.info(
        String.format(
            "inference done: %d prediction(s) in %.3f s, metrics %s, results at %s",
            n, seconds, results.metrics(), output));
    return results;
  }

  private record Input(List<String> examples, List<String> groundTruth) {}

  private Input readInput(S3Location csv, int maxSamples) {
    long limit = SampleLimit.rowsToRead(maxSamples);
    try (DatasetReader reader = DatasetReader.open(store.open(csv))) {
      if (!reader.hasColumn(DatasetReader.EXAMPLES)) {
        throw new IllegalArgumentException(
            "dataset " + csv + " has no 'examples' column (columns: " + reader.columns() + ")");
      }
      boolean hasGt = reader.hasColumn(DatasetReader.GROUND_TRUTH);
      List<String> examples = new ArrayList<>();
      List<String> gt = hasGt ? new ArrayList<>() : null;
      while (examples.size() < limit) {
        var row = reader.next();
        if (row.isEmpty()) {
          break;
        }
        examples.add(row.get().getOrEmpty(DatasetReader.EXAMPLES));
        if (hasGt) {
          gt.add(row.get().getOrEmpty(DatasetReader.GROUND_TRUTH));
        }
      }
      if (maxSamples > examples.size()) {
        JobLog.info(
            "max_samples "
                + maxSamples
                + " exceeds the dataset: using all "
                + examples.size()
                + " rows");
      }
      return new Input(examples, gt);
    }
  }

  private static void requireValid(InferenceJobConfig config) {
    List<String> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid inference config: " + String.join("; ", problems));
    }
  }
}
