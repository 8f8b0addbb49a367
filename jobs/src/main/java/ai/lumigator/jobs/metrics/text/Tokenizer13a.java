package ai.lumigator.jobs.metrics.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * sacreBLEU's {@code 13a} tokenizer (mteval-v13a), as copied into Hugging Face evaluate's {@code
 * bleu} metric ({@code tokenizer_13a.py}), which returns the list of tokens. Case-sensitive.
 */
public final class Tokenizer13a {

  private static final Pattern SYMBOLS =
      Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
  private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
  private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  private Tokenizer13a() {}

  /** Tokenizes one line (or text) into 13a tokens. */
  public static List<String> tokenize(String text) {
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
}
