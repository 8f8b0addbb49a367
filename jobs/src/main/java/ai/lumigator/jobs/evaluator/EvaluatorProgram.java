package ai.lumigator.jobs.evaluator;

import ai.lumigator.jobs.JobLog;
import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.dataset.DatasetReader;
import ai.lumigator.jobs.dataset.SampleLimit;
import ai.lumigator.jobs.progress.ProgressReporter;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import ai.lumigator.jobs.storage.StoredJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluator job: streams the dataset (columns {@code ground_truth}, the predictions column
 * {@code predictions_field}, and {@code examples} when {@code return_input_data}), keeping only
 * those columns and only the first {@code max_samples} rows (all when {@code max_samples < 1} or
 * larger than the data); scores every sample with each requested metric; writes results.json to
 * {@code evaluation.storage_path} and progress to {@code jobs/progress/<job id>.json}.
 *
 * <p>Rules: an unknown metric fails the job before any data is read, naming the supported ones; a
 * dataset without a {@code ground_truth} column or without the predictions column fails the job; a
 * missing or empty prediction cell counts as {@code ""}.
 */
public final class EvaluatorProgram {
  private final ObjectStore store;
  private final Optional<String> jobId;
  private final Duration progressInterval;
  private final MetricsBackend metrics;

  public EvaluatorProgram(
      ObjectStore store,
      Optional<String> jobId,
      Duration progressInterval,
      MetricsBackend metrics) {
    this.store = store;
    this.jobId = jobId;
    this.progressInterval = progressInterval;
    this.metrics = metrics;
  }

  public EvaluatorResults run(EvaluatorJobConfig config) {
    List<String> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid evaluator config: " + String.join("; ", problems));
    }
    List<String> names = new ArrayList<>(new LinkedHashSet<>(config.evaluation().metrics()));
    List<String> unknown = names.stream().filter(m -> !metrics.supported().contains(m)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown metric(s) "
              + unknown
              + "; supported: "
              + String.join(", ", metrics.supported()));
    }
    S3Location output = S3Location.parse(config.evaluation().storagePath());
    S3Location csv = S3Location.parse(config.dataset().csvPath());
    JobLog.info(
        "evaluator job "
            + config.name()
            + ": metrics "
            + names
            + ", dataset "
            + csv
            + ", predictions column '"
            + config.predictionsField()
            + "', max_samples "
            + config.evaluation().maxSamples());

    Input in = readInput(csv, config);
    int n = in.predictions().size();
    JobLog.info("read " + n + " sample(s)");

    Map<String, MetricComputation> running = new LinkedHashMap<>();
    for (String name : names) {
      running.put(name, metrics.start(name));
    }
    long start = System.nanoTime();
    ProgressReporter progress =
        new ProgressReporter(store, output.bucket(), jobId, "evaluation", n, progressInterval);
    try {
      for (int i = 0; i < n; i++) {
        String p = in.predictions().get(i);
        String r = in.groundTruth().get(i);
        for (Map.Entry<String, MetricComputation> m : running.entrySet()) {
          try {
            m.getValue().add(p, r);
          } catch (RuntimeException e) {
            throw new IllegalStateException(
                "metric " + m.getKey() + " failed on sample " + (i + 1) + ": " + e.getMessage(), e);
          }
        }
        progress.increment();
      }
    } finally {
      progress.close();
    }
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    running.forEach((name, m) -> results.put(name, m.result()));
    double seconds = (System.nanoTime() - start) / 1e9;

    boolean returnPredictions = !Boolean.FALSE.equals(config.evaluation().returnPredictions());
    EvaluatorArtifacts artifacts =
        new EvaluatorArtifacts(
            returnPredictions ? in.predictions() : null, in.groundTruth(), seconds, in.examples());
    EvaluatorResults out = new EvaluatorResults(results, config, artifacts);
    StoredJson.write(store, output, out); // waits out an unreachable store
    progress.publishIfBehind();
    JobLog.info(
        String.format(
            "evaluation done: %d sample(s) in %.3f s, means %s, results at %s",
            n, seconds, means(results), output));
    return out;
  }

  private static Map<String, Object> means(Map<String, Map<String, Object>> results) {
    Map<String, Object> m = new LinkedHashMap<>();
    results.forEach(
        (name, r) ->
            r.forEach(
                (k, v) -> {
                  if (v instanceof Number) {
                    m.put(name + "_" + k, v);
                  }
                }));
    return m;
  }

  private record Input(List<String> predictions, List<String> groundTruth, List<String> examples) {}

  private Input readInput(S3Location csv, EvaluatorJobConfig config) {
    long limit = SampleLimit.rowsToRead(config.evaluation().maxSamples());
    String predField = config.predictionsField();
    try (DatasetReader reader = DatasetReader.open(store.open(csv))) {
      if (!reader.hasColumn(DatasetReader.GROUND_TRUTH)) {
        throw new IllegalArgumentException(
            "dataset " + csv + " has no 'ground_truth' column (columns: " + reader.columns() + ")");
      }
      if (!reader.hasColumn(predField)) {
        throw new IllegalArgumentException(
            "dataset "
                + csv
                + " has no predictions column '"
                + predField
                + "' (columns: "
                + reader.columns()
                + ")");
      }
      boolean withExamples =
          config.evaluation().returnInputData() && reader.hasColumn(DatasetReader.EXAMPLES);
      List<String> predictions = new ArrayList<>();
      List<String> gt = new ArrayList<>();
      List<String> examples = withExamples ? new ArrayList<>() : null;
      while (predictions.size() < limit) {
        var row = reader.next();
        if (row.isEmpty()) {
          break;
        }
        predictions.add(row.get().getOrEmpty(predField));
        gt.add(row.get().getOrEmpty(DatasetReader.GROUND_TRUTH));
        if (withExamples) {
          examples.add(row.get().getOrEmpty(DatasetReader.EXAMPLES));
        }
      }
      return new Input(predictions, gt, examples);
    }
  }
}
