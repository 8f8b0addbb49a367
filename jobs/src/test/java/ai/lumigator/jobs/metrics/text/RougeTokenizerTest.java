package ai.lumigator.jobs.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RougeTokenizer#tokenIds}, the one-scan tokenization ROUGE uses, against {@link
 * RougeTokenizer#tokenize} of the whole text and of each line (what rouge-score tokenizes for
 * ROUGE-N/L and ROUGE-Lsum).
 */
class RougeTokenizerTest {

  private static final List<RougeTokenizer> TOKENIZERS =
      List.of(
          RougeTokenizer.parity(false),
          RougeTokenizer.parity(true),
          RougeTokenizer.unicode(false),
          RougeTokenizer.unicode(true));

  private static void assertSameTokens(String text) {
    for (RougeTokenizer tokenizer : TOKENIZERS) {
      TokenIds vocabulary = new TokenIds();
      RougeTokenizer.Tokens tokens = tokenizer.tokenIds(text, vocabulary);
      assertThat(tokens.all()).as(text).isEqualTo(ids(tokenizer.tokenize(text), vocabulary));
      List<int[]> lines = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        int[] ids = ids(tokenizer.tokenize(line), vocabulary);
        if (!line.isEmpty() && ids.length > 0) {
          lines.add(ids);
        }
      }
      assertThat(tokens.lines()).as(text).containsExactlyElementsOf(lines);
    }
  }

  private static int[] ids(List<String> tokens, TokenIds vocabulary) {
    return tokens.stream().mapToInt(vocabulary::id).toArray();
  }

  @Test
  void edgeCases() {
    for (String s :
        List.of(
            "",
            "\n",
            "\n\n",
            "a\n\nb\n",
            " \n x",
            "Testing ONE two",
            "caf\u00E9 na\u00EFve",
            "\u212Aelvin \u0130stanbul \u017Fs",
            "\u03A3\u039F\u03A3 \u03C3\u03C2",
            "Running runs runner's RUNNING\nfoxes 2x3",
            "\u65E5\u672C\u8A9E\n\u0301x \u0E44\u0E17\u0E22",
            "\uD83D\uDE00 emoji\uD83D\uDC4D\uD83C\uDFFDthumbs")) {
      assertSameTokens(s);
    }
  }

  @Test
  void randomTexts() {
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      assertSameTokens(RandomTexts.text(random, 30));
    }
  }
}
