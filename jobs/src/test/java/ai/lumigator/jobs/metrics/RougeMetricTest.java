package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.lumigator.jobs.metrics.RougeMetric.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RougeMetricTest {

  private static final double EPS = 1e-12;
  private final RougeMetric rouge = new RougeMetric(MetricOptions.defaults());

  private static void assertScore(Score s, double p, double r, double f) {
    assertThat(s.precision()).isCloseTo(p, within(EPS));
    assertThat(s.recall()).isCloseTo(r, within(EPS));
    assertThat(s.fmeasure()).isCloseTo(f, within(EPS));
  }

  @Test
  void keysInOutputOrder() {
    assertThat(rouge.name()).isEqualTo("rouge");
    assertThat(rouge.keys()).containsExactly("rouge1", "rouge2", "rougeL", "rougeLsum");
    assertThat(rouge.score("a b", "a b").keySet())
        .containsExactly("rouge1", "rouge2", "rougeL", "rougeLsum");
  }

  @Test
  void rouge1Vector() {
    // target "testing one two", prediction "testing" -> P=1, R=1/3, F=1/2
    assertScore(rouge.scores("testing", "testing one two").get("rouge1"), 1, 1.0 / 3, 0.5);
  }

  @Test
  void rouge2Vector() {
    assertScore(rouge.scores("testing one", "testing one two").get("rouge2"), 1, 0.5, 2.0 / 3);
  }

  @Test
  void rougeLVectors() {
    assertScore(rouge.scores("testing one", "testing one two").get("rougeL"), 1, 2.0 / 3, 0.8);
    assertScore(rouge.scores("testing two", "testing one two").get("rougeL"), 1, 2.0 / 3, 0.8);
  }

  @Test
  void emptyPredictionScoresZeroEverywhere() {
    for (Score s : rouge.scores("", "testing one two").values()) {
      assertScore(s, 0, 0, 0);
    }
    for (Score s : rouge.scores("testing one two", "").values()) {
      assertScore(s, 0, 0, 0);
    }
    assertThat(rouge.score("", ""))
        .containsOnlyKeys(rouge.keys())
        .allSatisfy((k, v) -> assertThat(v).isZero());
  }

  @Test
  void rougeLsumVector() {
    Score s = rouge.scores("w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", "w1 w2 w3 w4 w5").get("rougeLsum");
    assertScore(s, 0.4, 0.8, 2 * 0.4 * 0.8 / 1.2);
    assertThat(s.fmeasure()).isCloseTo(0.5333, within(1e-4));
  }

  @Test
  void rougeLsumOfPunctuationOnlyPredictionIsZero() {
    assertScore(rouge.scores("/", "w1 w2 w3 w4 w5").get("rougeLsum"), 0, 0, 0);
  }

  @Test
  void lsumBacktrackPrefersUpOnTies() {
    // ref "a b", candidate "b a": both single tokens are an LCS of length 1. rouge-score's
    // backtrack moves up on ties and reads out "a" (index 0), so the union counts "a".
    assertThat(RougeMetric.lcsIndexes(List.of("a", "b"), List.of("b", "a"))).containsExactly(0);
    assertThat(RougeMetric.lcsIndexes(List.of("x", "a", "y"), List.of("a", "y", "x")))
        .containsExactly(1, 2);
  }

  @Test
  void ngramCountsAreClipped() {
    // prediction repeats "the": overlap counts min(2, 1) for "the"
    Score s = rouge.scores("the the cat", "the cat sat").get("rouge1");
    assertScore(s, 2.0 / 3, 2.0 / 3, 2.0 / 3);
  }

  @Test
  void asciiTokenizerDropsNonLatinScripts() {
    assertThat(rouge.score("我喜欢在公园里看书。", "我喜欢看书。").values()).allMatch(v -> v == 0.0);
    assertThat(rouge.score("Привет, как дела?", "Привет, как дела?").values())
        .allMatch(v -> v == 0.0);
    // accented letters split words: "café" -> "caf"
    assertThat(rouge.score("café", "caf").get("rouge1")).isEqualTo(1.0);
  }

  @Test
  void unicodeTokenizerKeepsOtherScripts() {
    RougeMetric uni = new RougeMetric(new MetricOptions(false, true));
    assertThat(uni.score("Привет, как дела?", "Привет, как дела?").get("rouge1")).isEqualTo(1.0);
    assertThat(uni.score("café", "caf").get("rouge1")).isEqualTo(0.0);
    // Han characters are compared one by one: 5 of the 6 reference characters match
    Map<String, Double> zh = uni.score("我喜欢看书", "我喜欢在看书");
    assertThat(zh.get("rouge1")).isCloseTo(2 * (5.0 / 6) / (1 + 5.0 / 6), within(EPS));
    // ASCII text scores as with the parity tokenizer
    assertThat(uni.score("The cat, sat!", "the cat sat on it"))
        .isEqualTo(rouge.score("The cat, sat!", "the cat sat on it"));
  }

  @Test
  void stemmingOption() {
    RougeMetric stem = new RougeMetric(new MetricOptions(true, false));
    String pred = "The quick brown foxes are running";
    String ref = "the quick brown fox runs";
    assertThat(stem.score(pred, ref).get("rouge1")).isCloseTo(0.9090909090909091, within(EPS));
    assertThat(stem.score(pred, ref).get("rouge2")).isCloseTo(0.6666666666666665, within(EPS));
    assertThat(rouge.score(pred, ref).get("rouge1")).isCloseTo(0.5454545454545454, within(EPS));
    assertThat(rouge.score(pred, ref).get("rouge2")).isCloseTo(0.4444444444444445, within(EPS));
  }

  @Test
  void longTextsUseCheckpointedTableWithSamePath() {
    Random rnd = new Random(42);
    for (int round = 0; round < 3; round++) {
      List<String> a = randomTokens(rnd, 2500 + round * 700, 30);
      List<String> b = randomTokens(rnd, 2100 + round * 500, 30);
      assertThat(RougeMetric.lcsIndexes(a, b)).isEqualTo(naiveLcsIndexes(a, b));
    }
  }

  @Test
  void veryLongSingleLineTexts() {
    String pred = "word ".repeat(20000);
    String ref = "word ".repeat(15000);
    Map<String, Double> s = rouge.score(pred, ref);
    double f = 2 * 0.75 * 1.0 / 1.75;
    assertThat(s.get("rouge1")).isCloseTo(f, within(EPS));
    assertThat(s.get("rougeL")).isCloseTo(f, within(EPS));
    assertThat(s.get("rougeLsum")).isCloseTo(f, within(EPS));
  }

  private static List<String> randomTokens(Random rnd, int n, int vocab) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add("t" + rnd.nextInt(vocab));
    }
    return out;
  }

  /** rouge-score's _lcs_table + _backtrack_norec, with the full table. */
  private static List<Integer> naiveLcsIndexes(List<String> ref, List<String> can) {
    int[][] t = new int[ref.size() + 1][can.size() + 1];
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= can.size(); j++) {
        t[i][j] =
            ref.get(i - 1).equals(can.get(j - 1))
                ? t[i - 1][j - 1] + 1
                : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    List<Integer> lcs = new ArrayList<>();
    int i = ref.size();
    int j = can.size();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        lcs.add(0, i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return lcs;
  }
}
