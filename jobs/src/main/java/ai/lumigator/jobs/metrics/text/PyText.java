package ai.lumigator.jobs.metrics.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python {@code str} semantics that the reference metric implementations rely on.
 *
 * <p>Python's {@code str.split()}, {@code strip()} and the regex classes {@code \s}, {@code \w},
 * {@code \d} are Unicode-aware and differ from Java's defaults ({@link String#trim()} only removes
 * characters up to U+0020, Java's {@code \s} is ASCII-only). The constants here spell out the
 * Python classes so the ported regular expressions match the same characters.
 */
public final class PyText {

  /** Characters for which Python's {@code str.isspace()} is true, as a regex class body. */
  public static final String WS_BODY =
      "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

  /** Python's {@code \s} (Unicode mode). */
  public static final String S = "[" + WS_BODY + "]";

  /** Python's {@code \S} (Unicode mode). */
  public static final String NS = "[^" + WS_BODY + "]";

  /** Body of Python's {@code \w} (Unicode mode): alphanumerics and underscore. */
  public static final String W_BODY = "\\p{L}\\p{N}_";

  /** Python's {@code \w} (Unicode mode). */
  public static final String W = "[" + W_BODY + "]";

  /** Python's {@code \d} (Unicode mode): decimal digits. */
  public static final String D = "\\p{Nd}";

  /**
   * Python's {@code \b} (Unicode mode), written with look-arounds on {@link #W}. Java's look-behind
   * of a one-character class cannot see a code point outside the BMP (it tests the low surrogate
   * alone), so the look-behinds allow one or two {@code W}s: a single supplementary word character
   * is two chars long.
   */
  public static final String B =
      "(?:(?<=" + W + "{1,2})(?!" + W + ")|(?<!" + W + "{1,2})(?=" + W + "))";

  private PyText() {}

  /** Python's {@code str.isspace()} for one code point. */
  public static boolean isSpace(int cp) {
    if (cp > ' ' && cp < 0x85) {
      return false;
    }
    return (cp >= 0x09 && cp <= 0x0D)
        || (cp >= 0x1C && cp <= 0x20)
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** True when every char is below U+0080. */
  public static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Python's {@code str.split()} without arguments: split on runs of whitespace, no empties. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  /**
   * Python's {@code str.split()} of {@code chars[0, length)} as token bounds: start and end of the
   * first token, of the second, and so on.
   */
  public static int[] splitBounds(char[] chars, int length) {
    int[] out = new int[length + 1];
    int count = 0;
    int i = 0;
    while (i < length) {
      while (i < length && isSpace(chars[i])) {
        i++;
      }
      int start = i;
      while (i < length && !isSpace(chars[i])) {
        i++;
      }
      if (i > start) {
        out[count++] = start;
        out[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  /** Number of items Python's {@code str.split()} returns, without building them. */
  public static int countWords(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = isSpace(text.charAt(i));
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }

  /** Python's {@code str.strip()}. */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Python's {@code str.rstrip()}. */
  public static String rstrip(String text) {
    int end = text.length();
    while (end > 0 && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Python's {@code str.lower()} (locale-independent full case mapping). */
  public static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Python's {@code text[start:end]} for non-negative indexes: clamps instead of throwing. */
  public static String slice(String text, int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(0, Math.min(end, text.length()));
    return s >= e ? "" : text.substring(s, e);
  }

  /** {@code re.sub(pattern, repl, text)} where {@code repl} is a Java replacement string. */
  public static String sub(Pattern pattern, String replacement, String text) {
    return pattern.matcher(text).replaceAll(replacement);
  }

  /** {@code re.sub} with a function of the match. */
  public static String sub(Pattern pattern, Function<Matcher, String> replacement, String text) {
    Matcher m = pattern.matcher(text);
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int last = 0;
    while (m.find()) {
      sb.append(text, last, m.start()).append(replacement.apply(m));
      last = m.end();
    }
    sb.append(text, last, text.length());
    return sb.toString();
  }

  /** True when the first code point is upper case (Python's {@code tok[0].isupper()}). */
  public static boolean firstUpper(String text) {
    return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
  }

  /** True when the first code point is lower case (Python's {@code tok[0].islower()}). */
  public static boolean firstLower(String text) {
    return !text.isEmpty() && Character.isLowerCase(text.codePointAt(0));
  }
}
