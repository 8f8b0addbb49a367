package ai.lumigator.jobs.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The 13a scanner against the regular-expression chain of evaluate's tokenizer_13a.py. */
class Tokenizer13aTest {

  private static final Pattern SYMBOLS =
      Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  /** Texts where the 13a substitutions interact (also used by {@link Tokenizer13aScannerTest}). */
  static final List<String> EDGE_CASES =
      List.of(
          "",
          " ",
          "\n",
          ".",
          ",",
          "..",
          ".,.,",
          "a.,b",
          "1.2,3",
          "1-2-3",
          "1--2",
          "-1",
          "1-",
          "1.-2,-3",
          "a-b 7-",
          "a  .  , b",
          " \t . \t,",
          "1 - 2  -3",
          "a.b",
          "a. b",
          "3.",
          ".5",
          "😀.",
          ".😀",
          "😀,😀",
          "\uD800.",
          ".\uDC00",
          "x\u0301.",
          "e\u0301,1",
          "İ.K",
          "co-\noperate <skipped> 1990-2000",
          "a&amp;b &lt;tag&gt; &quot;x&quot; &amp;amp;",
          "-<skipped>\nx",
          "Hello, world! It costs $3.50, i.e. 3,50 EUR.",
          "日本語のテキスト。",
          "\u00A0a\u3000b\u0085c\u200Bd");

  /** The regex implementation the scanner replaced. */
  private static List<String> regexTokenize(String text) {
    String line = text.replace("<skipped>", "");
    line = line.replace("-\n", "");
    line = line.replace("\n", " ");
    if (line.contains("&")) {
      line = line.replace("&quot;", "\"");
      line = line.replace("&amp;", "&");
      line = line.replace("&lt;", "<");
      line = line.replace("&gt;", ">");
    }
    line = " " + line + " ";
    line = SYMBOLS.matcher(line).replaceAll(" $1 ");
    line = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    line = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(line).replaceAll(" $1 $2");
    line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return PyText.split(line);
  }

  @Test
  void edgeCasesMatchTheRegexChain() {
    for (String s : EDGE_CASES) {
      assertThat(Tokenizer13a.tokenize(s)).as(s).isEqualTo(regexTokenize(s));
    }
  }

  @Test
  void randomTextsMatchTheRegexChain() {
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      String s = RandomTexts.text(random, 30);
      assertThat(Tokenizer13a.tokenize(s)).as(s).isEqualTo(regexTokenize(s));
    }
  }
}
