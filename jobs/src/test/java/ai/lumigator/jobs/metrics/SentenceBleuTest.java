package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.metrics.text.RandomTexts;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BleuMetric#sentence} (the allocation-free path) against the general path ({@link
 * BleuMetric#corpus} of one sample, the implementation it replaced for single samples): the same
 * double, bit for bit.
 */
class SentenceBleuTest {

  private static final String[] WORDS = {
    "the", "cat", "sat", "on", "mat", "The", ".", ",", "3.5", "1,000", "a-b", "7-", "é", "e\u0301",
    "😀", "日本", "&amp;", "!", "U.S.", "-", "x.", ".y"
  };

  private static double assertSameAsGeneralPath(String prediction, String reference) {
    double general = BleuMetric.corpus(List.of(prediction), List.of(reference)).bleu();
    assertThat(Double.doubleToRawLongBits(BleuMetric.sentence(prediction, reference)))
        .as("%s | %s", prediction, reference)
        .isEqualTo(Double.doubleToRawLongBits(general));
    return general;
  }

  /** Words from a small vocabulary, so that 3- and 4-grams often match. */
  private static String words(Random random, int max) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? "" : " ");
    }
    return sb.toString();
  }

  @Test
  void edgeCases() {
    String[] texts = {
      "",
      " ",
      "\n",
      "the cat",
      "the cat sat down",
      "the cat sat on the mat",
      "the the the the the the the",
      "the the",
      "The quick brown fox jumps over the lazy dog.",
      "The quick brown fox jumped over the lazy dog.",
      "😀 😀 😀 😀 😀",
      "e\u0301 e\u0301 e\u0301 e\u0301",
      "1.5-2,3 1.5-2,3 ."
    };
    for (String p : texts) {
      for (String r : texts) {
        assertSameAsGeneralPath(p, r);
      }
    }
  }

  @Test
  void randomPairs() {
    Random random = new Random(4242);
    int nonZero = 0;
    for (int i = 0; i < 20_000; i++) {
      String reference = random.nextBoolean() ? words(random, 40) : RandomTexts.text(random, 40);
      String prediction =
          switch (random.nextInt(4)) {
            case 0 -> words(random, 40);
            case 1 -> RandomTexts.text(random, 40);
            case 2 -> reference;
            default ->
                reference.substring(random.nextInt(reference.length() + 1)) + words(random, 5);
          };
      if (assertSameAsGeneralPath(prediction, reference) > 0) {
        nonZero++;
      }
    }
    assertThat(nonZero).as("pairs with a non-zero score").isGreaterThan(5_000);
  }

  @Test
  void moreDistinctTokensThanSixteenBitIdsTakeTheGeneralPath() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 70_000; i++) {
      sb.append('w').append(i).append(' ');
    }
    String reference = sb.toString();
    assertSameAsGeneralPath(reference.substring(0, 400_000) + " w1 w2 w3", reference);
    assertSameAsGeneralPath("w1 w2 w3 w4 w5", reference);
    assertSameAsGeneralPath("the cat sat on the mat", "the cat sat on a mat");
  }
}
