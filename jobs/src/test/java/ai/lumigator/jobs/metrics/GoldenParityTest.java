package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.lumigator.jobs.metrics.text.NltkWordTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per-sample parity with the Python reference packages (rouge-score 0.1.2, evaluate's bleu, NLTK
 * 3.8.1 METEOR and word_tokenize) on the cases in {@code metrics/golden.jsonl}, which
 * bench/metrics/make_golden.py computed with those packages: DialogSum rows, hand-written edge
 * cases (empty, punctuation only, non-Latin scripts, quotes, abbreviations, very long texts) and
 * seeded random texts.
 */
class GoldenParityTest {

  private static final double EPS = 1e-12;
  private static final List<String> ROUGE_KEYS = List.of("rouge1", "rouge2", "rougeL", "rougeLsum");

  private static final RougeMetric ROUGE = new RougeMetric(MetricOptions.defaults());
  private static final RougeMetric ROUGE_STEM = new RougeMetric(new MetricOptions(true, false));
  private static final BleuMetric BLEU = new BleuMetric();
  private static final MeteorMetric METEOR = new MeteorMetric();
  private static final TokenLengthMetric TOKEN_LENGTH = new TokenLengthMetric();

  private static List<JsonNode> cases() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = GoldenParityTest.class.getResourceAsStream("/metrics/golden.jsonl");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          out.add(json.readTree(line));
        }
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> matchesPythonReference() throws Exception {
    List<JsonNode> cases = cases();
    assertThat(cases).hasSizeGreaterThan(200);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.get("group").asText() + "#" + c.get("row").asInt(),
                    () -> {
                      String p = c.get("prediction").asText();
                      String r = c.get("reference").asText();
                      Map<String, Double> rouge = ROUGE.score(p, r);
                      Map<String, Double> rougeStem = ROUGE_STEM.score(p, r);
                      for (String k : ROUGE_KEYS) {
                        assertThat(rouge.get(k)).as(k).isCloseTo(c.get(k).asDouble(), within(EPS));
                        assertThat(rougeStem.get(k))
                            .as(k + " stemmed")
                            .isCloseTo(c.get(k + "_stem").asDouble(), within(EPS));
                      }
                      assertThat(BLEU.score(p, r).get("bleu"))
                          .as("bleu")
                          .isCloseTo(c.get("bleu").asDouble(), within(EPS));
                      assertThat(NltkWordTokenizer.english().tokenize(p))
                          .as("word_tokenize(prediction)")
                          .isEqualTo(strings(c.get("pred_tokens")));
                      assertThat(NltkWordTokenizer.english().tokenize(r))
                          .as("word_tokenize(reference)")
                          .isEqualTo(strings(c.get("ref_tokens")));
                      assertThat(METEOR.score(p, r).get("meteor"))
                          .as("meteor")
                          .isCloseTo(c.get("meteor").asDouble(), within(EPS));
                      Map<String, Double> tl = TOKEN_LENGTH.score(p, r);
                      assertThat(tl.get("ref_token_length"))
                          .isEqualTo(c.get("ref_token_length").asDouble());
                      assertThat(tl.get("pred_token_length"))
                          .isEqualTo(c.get("pred_token_length").asDouble());
                    }));
  }
}
