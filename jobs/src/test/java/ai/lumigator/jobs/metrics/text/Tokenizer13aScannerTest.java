package ai.lumigator.jobs.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-scan tokenizer against {@link Tokenizer13a#tokenize}: ids are numbered in order of first
 * appearance, so equal id sequences from fresh vocabularies mean equal token sequences.
 */
class Tokenizer13aScannerTest {

  private final Tokenizer13aScanner scanner = new Tokenizer13aScanner();
  private final TokenIds vocabulary = new TokenIds();

  private int[] scanned(String text) {
    vocabulary.clear(); // one reused vocabulary and scanner, as the metric uses them
    int n = scanner.scan(text, vocabulary);
    assertThat(vocabulary.size()).isLessThanOrEqualTo(n);
    return Arrays.copyOf(scanner.ids(), n);
  }

  private static int[] expected(String text) {
    TokenIds fresh = new TokenIds();
    return Tokenizer13a.tokenize(text).stream().mapToInt(fresh::id).toArray();
  }

  @Test
  void edgeCasesMatchTheTokenizer() {
    List<String> texts = new ArrayList<>(Tokenizer13aTest.EDGE_CASES);
    texts.addAll(
        List.of("-", "x.y.z.", "1.(2", "a.!b", "5-!6", "a.\u00A0.b", "the the the the the"));
    // one special character, last in the word (the scanner's shortcut)
    texts.addAll(
        List.of(
            "you. Hello, there",
            "3. 3, 3- a- é. 😀, x\u0301- 1a- a1- \u0663-",
            "(x.) [y,] 'z-' z'- 9'-",
            ".",
            ",a, -b-"));
    for (String s : texts) {
      assertThat(scanned(s)).as(s).isEqualTo(expected(s));
    }
  }

  @Test
  void randomTextsMatchTheTokenizer() {
    Random random = new Random(1313);
    for (int i = 0; i < 20_000; i++) {
      String s = RandomTexts.text(random, 40);
      assertThat(scanned(s)).as(s).isEqualTo(expected(s));
    }
  }

  @Test
  void longTextsGrowTheBuffersAndTheVocabularyStartsAfreshAfterClear() {
    Random random = new Random(7);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      sb.append(RandomTexts.text(random, 3)).append(" w").append(i).append(",x.").append(i % 97);
    }
    String big = sb.toString();
    assertThat(scanned(big)).isEqualTo(expected(big));
    assertThat(scanned("b a b")).containsExactly(0, 1, 0);
    String word = "y.".repeat(5_000) + "-9-";
    assertThat(scanned(word)).isEqualTo(expected(word));
  }
}
