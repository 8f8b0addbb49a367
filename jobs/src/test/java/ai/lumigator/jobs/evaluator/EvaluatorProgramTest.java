package ai.lumigator.jobs.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.EvaluationSettings;
import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.testing.LocalFixtures;
import ai.lumigator.jobs.testing.SimpleMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator program's data handling, with simple stand-in metrics (the real ones are tested in
 * the metrics package).
 */
class EvaluatorProgramTest {
  static final String JOB_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

  static final MetricsBackend SIMPLE = SimpleMetrics.INSTANCE;

  @TempDir Path root;
  LocalObjectStore store;

  @BeforeEach
  void setUp() {
    store = new LocalObjectStore(root);
  }

  EvaluatorJobConfig config(String ds, List<String> metrics, int maxSamples, boolean inputData) {
    return EvaluatorJobConfig.of(
        "eval",
        JOB_ID,
        ds,
        new EvaluationSettings(
            metrics,
            null,
            maxSamples,
            inputData,
            true,
            JobPaths.resultsPath(LocalFixtures.BUCKET, JOB_ID)),
        "predictions");
  }

  EvaluatorResults run(EvaluatorJobConfig c) {
    return new EvaluatorProgram(store, Optional.of(JOB_ID), Duration.ofMillis(50), SIMPLE).run(c);
  }

  JsonNode results() {
    return LocalFixtures.readJson(store, JobPaths.resultsPath(LocalFixtures.BUCKET, JOB_ID));
  }

  @Test
  void resultsShape() {
    String ds =
        LocalFixtures.putDataset(
            store,
            "d1",
            "p.csv",
            "examples,ground_truth,predictions\ne1,same,same\ne2,ref,\"other\"\n");
    EvaluatorJobConfig c = config(ds, List.of("same", "length"), -1, true);
    run(c);
    JsonNode r = results();
    assertThat(r.fieldNames()).toIterable().containsExactly("metrics", "parameters", "artifacts");
    JsonNode same = r.path("metrics").path("same");
    assertThat(same.fieldNames()).toIterable().containsExactly("same", "same_mean");
    assertThat(same.path("same").get(0).asDouble()).isEqualTo(1.0);
    assertThat(same.path("same_mean").asDouble()).isEqualTo(0.5);
    JsonNode len = r.path("metrics").path("length");
    assertThat(len.fieldNames())
        .toIterable()
        .containsExactly("pred_len", "ref_len", "pred_len_mean", "ref_len_mean");
    assertThat(r.path("parameters")).isEqualTo(JobConfigJson.toTree(c));
    JsonNode a = r.path("artifacts");
    assertThat(a.fieldNames())
        .toIterable()
        .containsExactly("predictions", "ground_truth", "evaluation_time", "examples");
    assertThat(a.path("predictions").get(1).asText()).isEqualTo("other");
    assertThat(a.path("examples").get(0).asText()).isEqualTo("e1");
    assertThat(a.path("evaluation_time").isNumber()).isTrue();
    JsonNode progress =
        LocalFixtures.readJson(store, "s3://lumigator/jobs/progress/" + JOB_ID + ".json");
    assertThat(progress.path("done").asInt()).isEqualTo(2);
    assertThat(progress.path("total").asInt()).isEqualTo(2);
  }

  @Test
  void missingPredictionsCountAsEmptyAndExamplesOnlyOnRequest() {
    String ds = LocalFixtures.putSampleDataset(store, "d2", "predictions_gibberish.csv");
    EvaluatorResults out = run(config(ds, List.of("length"), 0, false));
    assertThat(out.artifacts().predictions()).hasSize(5).contains("");
    assertThat(out.artifacts().examples()).isNull();
    assertThat(results().path("artifacts").has("examples")).isFalse();
    @SuppressWarnings("unchecked")
    List<Number> lens = (List<Number>) out.metrics().get("length").get("pred_len");
    int emptyAt = out.artifacts().predictions().indexOf("");
    assertThat(lens.get(emptyAt).doubleValue()).isEqualTo(0.0);
  }

  @Test
  void maxSamplesRules() {
    String ds =
        LocalFixtures.putDataset(store, "d3", "p.csv", "ground_truth,predictions\na,a\nb,x\nc,c\n");
    assertThat(run(config(ds, List.of("same"), -1, true)).artifacts().predictions()).hasSize(3);
    assertThat(run(config(ds, List.of("same"), 0, true)).artifacts().predictions()).hasSize(3);
    assertThat(run(config(ds, List.of("same"), 2, true)).artifacts().predictions())
        .containsExactly("a", "x");
    assertThat(run(config(ds, List.of("same"), 3, true)).artifacts().predictions()).hasSize(3);
    assertThat(run(config(ds, List.of("same"), 99, true)).artifacts().predictions()).hasSize(3);
    // no examples column: none returned even when asked
    assertThat(run(config(ds, List.of("same"), 1, true)).artifacts().examples()).isNull();
  }

  @Test
  void returnPredictionsFalseOmitsThem() {
    String ds = LocalFixtures.putDataset(store, "d4", "p.csv", "ground_truth,predictions\na,a\n");
    EvaluatorJobConfig c =
        EvaluatorJobConfig.of(
            "eval",
            JOB_ID,
            ds,
            new EvaluationSettings(
                List.of("same"),
                null,
                -1,
                false,
                false,
                JobPaths.resultsPath(LocalFixtures.BUCKET, JOB_ID)),
            "predictions");
    run(c);
    assertThat(results().path("artifacts").has("predictions")).isFalse();
    assertThat(results().path("artifacts").path("ground_truth")).hasSize(1);
  }

  @Test
  void errors() {
    String ds = LocalFixtures.putDataset(store, "d5", "p.csv", "examples,predictions\nx,y\n");
    assertThatThrownBy(() -> run(config(ds, List.of("same", "bertscore"), -1, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown metric(s) [bertscore]; supported: same, length");
    assertThatThrownBy(() -> run(config(ds, List.of("same"), -1, true)))
        .hasMessageContaining("has no 'ground_truth' column");
    String ds2 = LocalFixtures.putDataset(store, "d6", "p.csv", "examples,ground_truth\nx,y\n");
    assertThatThrownBy(() -> run(config(ds2, List.of("same"), -1, true)))
        .hasMessageContaining(
            "has no predictions column 'predictions' (columns: [examples, ground_truth])");
    assertThatThrownBy(() -> run(config(ds2, List.of(), -1, true)))
        .hasMessageContaining("evaluation.metrics must name at least one metric");
  }
}
