package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.lumigator.jobs.metrics.text.Tokenizer13a;
import java.util.List;
import org.junit.jupiter.api.Test;

class BleuMetricTest {

  private final BleuMetric bleu = new BleuMetric();

  @Test
  void corpusVectorWithTwoReferences() {
    BleuMetric.Result r =
        BleuMetric.corpusMulti(
            List.of("hello there general kenobi", "foo bar foobar"),
            List.of(
                List.of("hello there general kenobi", "hello there!"), List.of("foo bar foobar")));
    assertThat(r.bleu()).isEqualTo(1.0);
    assertThat(r.precisions()).containsExactly(1.0, 1.0, 1.0, 1.0);
    assertThat(r.translationLength()).isEqualTo(7);
    assertThat(r.referenceLength()).isEqualTo(6); // the shortest reference: "hello there !"
    assertThat(r.brevityPenalty()).isEqualTo(1.0);
  }

  @Test
  void shortHypothesisScoresZeroWithoutSmoothing() {
    assertThat(bleu.score("the cat", "the cat")).containsEntry("bleu", 0.0);
  }

  @Test
  void identicalSentenceOfFourTokensScoresOne() {
    assertThat(bleu.score("the cat sat down", "the cat sat down").get("bleu")).isEqualTo(1.0);
  }

  @Test
  void sentenceValueMatchesEvaluate() {
    // evaluate.load("bleu").compute(predictions=[p], references=[[r]])["bleu"]
    assertThat(
            BleuMetric.sentence(
                "The quick brown fox jumps over the lazy dog.",
                "The quick brown fox jumped over the lazy dog."))
        .isCloseTo(0.6580370064762462, within(1e-12));
  }

  @Test
  void brevityPenaltyAppliesToShortHypotheses() {
    BleuMetric.Result r = BleuMetric.corpus(List.of("a b c d"), List.of("a b c d e f g h"));
    assertThat(r.lengthRatio()).isEqualTo(0.5);
    assertThat(r.brevityPenalty()).isCloseTo(Math.exp(1 - 2), within(1e-15));
    assertThat(r.bleu()).isCloseTo(Math.exp(-1), within(1e-15));
  }

  @Test
  void emptyHypothesisOrReferenceScoresZero() {
    // Python raises ZeroDivisionError here
    assertThat(bleu.score("", "the cat sat on the mat").get("bleu")).isEqualTo(0.0);
    assertThat(bleu.score("the cat sat on the mat", "").get("bleu")).isEqualTo(0.0);
    assertThat(bleu.score("", "").get("bleu")).isEqualTo(0.0);
    assertThat(bleu.score("   ", "\n").get("bleu")).isEqualTo(0.0);
  }

  @Test
  void caseSensitive() {
    assertThat(bleu.score("The cat sat down", "the cat sat down").get("bleu")).isLessThan(1.0);
  }

  @Test
  void corpusBleuDiffersFromMeanOfSentenceBleu() {
    List<String> preds = List.of("the cat sat on the mat", "a dog");
    List<String> refs = List.of("the cat sat on the mat", "a dog barked");
    double corpus = BleuMetric.corpus(preds, refs).bleu();
    double mean =
        (BleuMetric.sentence(preds.get(0), refs.get(0))
                + BleuMetric.sentence(preds.get(1), refs.get(1)))
            / 2;
    assertThat(mean).isEqualTo(0.5);
    assertThat(corpus).isGreaterThan(0.5).isLessThan(1.0);
  }

  @Test
  void mismatchedListsAreRejected() {
    assertThatThrownBy(() -> BleuMetric.corpus(List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenizer13a() {
    assertThat(Tokenizer13a.tokenize("Hello, world! It costs $3.50, i.e. 3,50 EUR."))
        .containsExactly(
            "Hello", ",", "world", "!", "It", "costs", "$", "3.50", ",", "i", ".", "e", ".", "3,50",
            "EUR", ".");
    assertThat(Tokenizer13a.tokenize("a&amp;b &lt;tag&gt; &quot;x&quot;"))
        .containsExactly("a", "&", "b", "<", "tag", ">", "\"", "x", "\"");
    assertThat(Tokenizer13a.tokenize("co-\noperate <skipped> 1990-2000"))
        .containsExactly("cooperate", "1990", "-", "2000");
    assertThat(Tokenizer13a.tokenize("")).isEmpty();
    assertThat(Tokenizer13a.tokenize("日本語のテキスト。")).containsExactly("日本語のテキスト。");
  }
}
