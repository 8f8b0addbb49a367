package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ResultSummariesTest {
  final ObjectMapper json = new ObjectMapper();

  @Test
  void perSampleArraysLeaveMetricsAndArtifactsWhileParametersStayWhole() throws Exception {
    var results =
        json.readTree(
            """
            {"metrics": {"rouge": {"rouge1": [0.1, 0.3], "rouge1_mean": 0.2}},
             "parameters": {"evaluation": {"metrics": ["rouge"]}},
             "artifacts": {"predictions": ["a", "b"], "ground_truth": ["a", "c"],
                           "evaluation_time": 1.5, "model": "m", "inference_metrics": null}}
            """);

    var summary = ResultSummaries.summarize(results);

    assertThat(summary.toString())
        .isEqualTo(
            "{\"metrics\":{\"rouge\":{\"rouge1_mean\":0.2}},"
                + "\"parameters\":{\"evaluation\":{\"metrics\":[\"rouge\"]}},"
                + "\"artifacts\":{\"evaluation_time\":1.5,\"model\":\"m\",\"inference_metrics\":null}}");
  }

  @Test
  void generatedCsvHasExamplesGroundTruthAndOutputsQuoted() throws Exception {
    var results =
        json.readTree(
            """
            {"artifacts": {"examples": ["a, b", "say \\"hi\\"\\nthen"], "ground_truth": ["g1", "g2"],
                           "predictions": ["p1", "p2"]}}
            """);

    var csv = GeneratedCsvWriter.write(results, "predictions");
    assertThat(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "examples,ground_truth,predictions\r\n\"a, b\",g1,p1\r\n\"say \"\"hi\"\"\nthen\",g2,p2\r\n");
    var annotated = GeneratedCsvWriter.write(results, "ground_truth");
    assertThat(new String(annotated.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("examples,ground_truth\r\n\"a, b\",p1\r\n");
  }
}
