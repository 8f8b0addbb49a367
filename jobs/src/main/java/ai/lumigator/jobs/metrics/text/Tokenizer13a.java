package ai.lumigator.jobs.metrics.text;

import java.util.ArrayList;
import java.util.List;

/**
 * sacreBLEU's {@code 13a} tokenizer (mteval-v13a), as copied into Hugging Face evaluate's {@code
 * bleu} metric ({@code tokenizer_13a.py}), which returns the list of tokens. Case-sensitive.
 *
 * <p>The reference applies four regular-expression substitutions to {@code " " + line + " "}:
 *
 * <ol>
 *   <li>{@code ([\{-\~\[-\` -\&\(-\+\:-\@\/])} → {@code " \1 "}
 *   <li>{@code ([^0-9])([\.,])} → {@code "\1 \2 "}
 *   <li>{@code ([\.,])([^0-9])} → {@code " \1 \2"}
 *   <li>{@code ([0-9])(-)} → {@code "\1 \2 "}
 * </ol>
 *
 * Each is a scan here with the regex's leftmost, non-overlapping matching: a match consumes its two
 * characters and the next one starts after them. A supplementary character matched by {@code
 * [^0-9]} spans two chars, but since neither {@code [.,]} nor a digit is a surrogate the output is
 * the same as treating its surrogates one by one.
 */
public final class Tokenizer13a {

  /** The characters of substitution 1 (all ASCII). */
  private static final boolean[] SYMBOL = new boolean[128];

  static {
    for (char c = '{'; c <= '~'; c++) {
      SYMBOL[c] = true;
    }
    for (char c = '['; c <= '`'; c++) {
      SYMBOL[c] = true;
    }
    for (char c = ' '; c <= '&'; c++) {
      SYMBOL[c] = true;
    }
    for (char c = '('; c <= '+'; c++) {
      SYMBOL[c] = true;
    }
    for (char c = ':'; c <= '@'; c++) {
      SYMBOL[c] = true;
    }
    SYMBOL['/'] = true;
  }

  static final int PERIOD_COMMA_AFTER_NON_DIGIT = 2; // ([^0-9])([\.,])
  static final int PERIOD_COMMA_BEFORE_NON_DIGIT = 3; // ([\.,])([^0-9])
  static final int DASH_AFTER_DIGIT = 4; // ([0-9])(-)

  /** A char buffer and its used length. */
  public record Chars(char[] chars, int length) {}

  private Tokenizer13a() {}

  /** Tokenizes one line (or text) into 13a tokens. */
  public static List<String> tokenize(String text) {
    Chars spaced = spaced(text);
    int[] bounds = PyText.splitBounds(spaced.chars(), spaced.length());
    List<String> out = new ArrayList<>(bounds.length / 2);
    for (int t = 0; t < bounds.length; t += 2) {
      out.add(new String(spaced.chars(), bounds[t], bounds[t + 1] - bounds[t]));
    }
    return out;
  }

  /** The tokens of {@link #tokenize} as ids of {@code vocabulary}. */
  public static int[] tokenIds(String text, TokenIds vocabulary) {
    Chars spaced = spaced(text);
    int[] bounds = PyText.splitBounds(spaced.chars(), spaced.length());
    int[] out = new int[bounds.length / 2];
    for (int t = 0; t < bounds.length; t += 2) {
      out[t / 2] = vocabulary.id(spaced.chars(), bounds[t], bounds[t + 1]);
    }
    return out;
  }

  /**
   * The line after the four substitutions; its tokens are the runs of non-whitespace (Python's
   * {@code str.split()}).
   */
  public static Chars spaced(String text) {
    String line = preprocess(text);
    char[] a = new char[3 * line.length() + 6];
    int n = symbols(line, a);
    // substitutions 2 and 3 need a period or comma, 4 a digit right before a dash (the spaces
    // that 1 to 3 insert never separate a digit from a dash)
    if (line.indexOf('.') >= 0 || line.indexOf(',') >= 0) {
      char[] b = new char[2 * n];
      n = pairs(a, n, b, PERIOD_COMMA_AFTER_NON_DIGIT);
      a = new char[2 * n];
      n = pairs(b, n, a, PERIOD_COMMA_BEFORE_NON_DIGIT);
    }
    if (hasDigitBeforeDash(line)) {
      char[] b = new char[2 * n];
      n = pairs(a, n, b, DASH_AFTER_DIGIT);
      a = b;
    }
    return new Chars(a, n);
  }

  /** Removes {@code <skipped>} and {@code -\n}, replaces {@code \n} by a space, unescapes. */
  static String preprocess(String text) {
    // unescaping neither removes nor makes a newline, so it may come before their replacement
    return preprocessKeepingNewlines(text).replace('\n', ' ');
  }

  /**
   * {@link #preprocess} but leaving newlines in place: they are whitespace like the space that
   * replaces them, and whitespace only ever separates tokens.
   */
  static String preprocessKeepingNewlines(String text) {
    String line = text;
    // each replace only where it has something to do: String.replace(CharSequence, ...) is large
    // code for the JIT and the common text has neither
    if (line.indexOf('<') >= 0) {
      line = line.replace("<skipped>", "");
    }
    if (line.indexOf("-\n") >= 0) {
      line = line.replace("-\n", "");
    }
    return unescape(line);
  }

  private static String unescape(String line) {
    if (line.indexOf('&') >= 0) {
      line = line.replace("&quot;", "\"");
      line = line.replace("&amp;", "&");
      line = line.replace("&lt;", "<");
      line = line.replace("&gt;", ">");
    }
    return line;
  }

  /** A character substitution 1 surrounds with spaces. */
  static boolean isSymbol(char c) {
    return c < 128 && SYMBOL[c];
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean periodOrComma(char c) {
    return c == '.' || c == ',';
  }

  /** Substitution 1 on {@code " " + line + " "} (the two spaces are symbols as well). */
  private static int symbols(String line, char[] out) {
    int o = 0;
    out[o++] = ' ';
    out[o++] = ' ';
    out[o++] = ' ';
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 128 && SYMBOL[c]) {
        out[o++] = ' ';
        out[o++] = c;
        out[o++] = ' ';
      } else {
        out[o++] = c;
      }
    }
    out[o++] = ' ';
    out[o++] = ' ';
    out[o++] = ' ';
    return o;
  }

  private static boolean hasDigitBeforeDash(String line) {
    for (int k = line.indexOf('-', 1); k > 0; k = line.indexOf('-', k + 1)) {
      if (digit(line.charAt(k - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Substitution 2, 3 or 4: a two-character match is written with spaces inserted. */
  static int pairs(char[] in, int n, char[] out, int rule) {
    int o = 0;
    int i = 0;
    while (i < n) {
      char c = in[i];
      if (i + 1 < n && matches(rule, c, in[i + 1])) {
        if (rule == PERIOD_COMMA_BEFORE_NON_DIGIT) { // " \1 \2"
          out[o++] = ' ';
          out[o++] = c;
          out[o++] = ' ';
          out[o++] = in[i + 1];
        } else { // "\1 \2 "
          out[o++] = c;
          out[o++] = ' ';
          out[o++] = in[i + 1];
          out[o++] = ' ';
        }
        i += 2;
      } else {
        out[o++] = c;
        i++;
      }
    }
    return o;
  }

  private static boolean matches(int rule, char first, char second) {
    return switch (rule) {
      case PERIOD_COMMA_AFTER_NON_DIGIT -> !digit(first) && periodOrComma(second);
      case PERIOD_COMMA_BEFORE_NON_DIGIT -> periodOrComma(first) && !digit(second);
      default -> digit(first) && second == '-';
    };
  }
}
