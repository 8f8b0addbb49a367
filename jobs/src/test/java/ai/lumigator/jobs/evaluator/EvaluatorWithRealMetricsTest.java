package ai.lumigator.jobs.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.EvaluationSettings;
import ai.lumigator.jobs.config.EvaluatorJobConfig;
import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.jobs.config.InferenceServer;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.jobs.dataset.DatasetReader;
import ai.lumigator.jobs.inference.InferenceProgram;
import ai.lumigator.jobs.inference.InferenceResults;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.testing.LocalFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator with the metrics package, and the baseline → evaluator pipeline on real data. */
class EvaluatorWithRealMetricsTest {
  static final String JOB_ID = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

  @TempDir Path root;
  LocalObjectStore store;

  @BeforeEach
  void setUp() {
    store = new LocalObjectStore(root);
  }

  EvaluatorResults evaluate(String ds, List<String> metrics, int maxSamples) {
    EvaluatorJobConfig c =
        EvaluatorJobConfig.of(
            "eval",
            JOB_ID,
            ds,
            EvaluationSettings.of(metrics, maxSamples, JobPaths.resultsPath("lumigator", JOB_ID)),
            "predictions");
    return new EvaluatorProgram(
            store, Optional.of(JOB_ID), Duration.ofSeconds(1), new RegistryMetricsBackend())
        .run(c);
  }

  @Test
  void everyMetricOnGibberishPredictions() {
    String ds = LocalFixtures.putSampleDataset(store, "g", "predictions_gibberish.csv");
    evaluate(ds, List.of("rouge", "bleu", "meteor", "token_length", "exact_match"), -1);
    JsonNode m =
        LocalFixtures.readJson(store, JobPaths.resultsPath("lumigator", JOB_ID)).path("metrics");
    assertThat(m.path("rouge").fieldNames())
        .toIterable()
        .containsExactly(
            "rouge1",
            "rouge2",
            "rougeL",
            "rougeLsum",
            "rouge1_mean",
            "rouge2_mean",
            "rougeL_mean",
            "rougeLsum_mean");
    assertThat(m.path("rouge").path("rouge1")).hasSize(5);
    assertThat(m.path("bleu").has("bleu_mean")).isTrue();
    assertThat(m.path("meteor").path("meteor")).hasSize(5);
    assertThat(m.path("token_length").path("pred_token_length").get(0).isInt()).isTrue();
    assertThat(m.path("exact_match").path("exact_match_mean").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void unknownMetricListsTheSupportedOnes() {
    String ds = LocalFixtures.putSampleDataset(store, "g", "predictions_gibberish.csv");
    assertThatThrownBy(() -> evaluate(ds, List.of("rouge", "bertscore"), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown metric(s) [bertscore]; supported: bleu, exact_match, meteor, rouge, token_length");
  }

  @Test
  void lead3BaselineThenEvaluationOnDialogsum500() throws Exception {
    String ds = LocalFixtures.putSampleDataset(store, "d500", "dialogsum_500.csv");
    String resultsPath = JobPaths.resultsPath("lumigator", JOB_ID);
    InferenceResults inf =
        new InferenceProgram(store, Optional.of(JOB_ID), null, Duration.ofSeconds(1))
            .run(
                InferenceJobConfig.of(
                    "lead3",
                    JOB_ID,
                    ds,
                    InferenceJobSettings.of(-1, 1, "predictions", resultsPath),
                    TaskDefinition.summarization(),
                    null,
                    InferenceServer.of(null, "lead-3", "baseline", 0),
                    GenerationConfig.defaults()));
    assertThat(inf.artifacts().predictions()).hasSize(500);

    // the predictions dataset the pipeline builds: examples, ground_truth, predictions
    StringWriter csv = new StringWriter();
    csv.write("examples,ground_truth,predictions\n");
    for (int i = 0; i < 500; i++) {
      csv.write(
          q(inf.artifacts().examples().get(i))
              + ","
              + q(inf.artifacts().groundTruth().get(i))
              + ","
              + q(inf.artifacts().predictions().get(i))
              + "\n");
    }
    String pds =
        LocalFixtures.putDataset(
            store, "p500", "dialogsum_500-lead-3-predictions.csv", csv.toString());
    long t0 = System.nanoTime();
    EvaluatorResults r = evaluate(pds, List.of("rouge", "meteor", "bleu"), -1);
    double secs = (System.nanoTime() - t0) / 1e9;
    double rouge1 = ((Number) r.metrics().get("rouge").get("rouge1_mean")).doubleValue();
    double meteor = ((Number) r.metrics().get("meteor").get("meteor_mean")).doubleValue();
    System.out.printf(
        "lead-3 on dialogsum_500: rouge1_mean %.4f meteor_mean %.4f (evaluated in %.2f s)%n",
        rouge1, meteor, secs);
    // lead-3 of a dialogue shares words with its summary, but is far from it
    assertThat(rouge1).isBetween(0.1, 0.5);
    assertThat(meteor).isBetween(0.05, 0.5);
    assertThat(r.artifacts().predictions()).hasSize(500);
    assertThat(DatasetReader.EXAMPLES).isEqualTo("examples");
  }

  private static String q(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
