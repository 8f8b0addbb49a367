package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenLengthAndExactMatchTest {

  @Test
  void tokenLengthIsWordsOverThreeQuartersTruncated() {
    assertThat(TokenLengthMetric.tokenLength("")).isEqualTo(0);
    assertThat(TokenLengthMetric.tokenLength("one")).isEqualTo(1); // 1.333
    assertThat(TokenLengthMetric.tokenLength("one two three")).isEqualTo(4);
    assertThat(TokenLengthMetric.tokenLength("a b c d e")).isEqualTo(6); // 6.666
    // Python's str.split(): any Unicode whitespace, runs collapse
    assertThat(TokenLengthMetric.tokenLength(" a\tb\nc\u00a0d\u3000e  ")).isEqualTo(6);
    assertThat(TokenLengthMetric.tokenLength("我喜欢看书。")).isEqualTo(1);
  }

  @Test
  void tokenLengthKeys() {
    TokenLengthMetric m = new TokenLengthMetric();
    assertThat(m.keys()).containsExactly("ref_token_length", "pred_token_length");
    assertThat(m.score("a b c", "a b c d e f"))
        .containsEntry("ref_token_length", 8.0)
        .containsEntry("pred_token_length", 4.0);
  }

  @Test
  void exactMatchTrims() {
    ExactMatchMetric m = new ExactMatchMetric();
    assertThat(m.keys()).containsExactly("exact_match");
    assertThat(m.score(" Paris \n", "Paris")).containsEntry("exact_match", 1.0);
    assertThat(m.score("paris", "Paris")).containsEntry("exact_match", 0.0);
    assertThat(m.score("Paris.", "Paris")).containsEntry("exact_match", 0.0);
    assertThat(m.score("", "  ")).containsEntry("exact_match", 1.0);
    assertThat(m.score("a  b", "a b")).containsEntry("exact_match", 0.0);
    assertThat(m.score("\u00a0Paris\u3000", "Paris")).containsEntry("exact_match", 1.0);
  }
}
