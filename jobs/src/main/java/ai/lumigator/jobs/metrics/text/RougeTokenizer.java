package ai.lumigator.jobs.metrics.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tokenizers ROUGE can run with.
 *
 * <ul>
 *   <li>{@link #parity(boolean)}: Google's rouge-score 0.1.2 {@code tokenize.tokenize}: lower-case,
 *       replace every run of characters outside {@code [a-z0-9]} with a space, split on whitespace,
 *       optionally Porter-stem tokens longer than three characters, keep tokens that match {@code
 *       ^[a-z0-9]+$}. Accented letters split words ("café" → "caf") and non-Latin scripts vanish
 *       entirely, so a Chinese, Russian or Arabic prediction scores 0 — exactly as the reference
 *       implementation does.
 *   <li>{@link #unicode(boolean)}: keeps letters, digits and combining marks of every script. Text
 *       is lower-cased, every run of other characters becomes a separator, and each character of a
 *       script written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan)
 *       becomes a token of its own, so such text is compared character by character. With stemming,
 *       only tokens of ASCII letters and digits are stemmed (the Porter stemmer is English-only).
 *       For ASCII text the result equals the parity tokenizer's. Scores from this tokenizer are not
 *       comparable with published rouge-score numbers.
 * </ul>
 */
public final class RougeTokenizer {

  private final boolean unicode;
  private final boolean stem;

  private RougeTokenizer(boolean unicode, boolean stem) {
    this.unicode = unicode;
    this.stem = stem;
  }

  /** rouge-score's default tokenizer ({@code use_stemmer} = {@code stem}). */
  public static RougeTokenizer parity(boolean stem) {
    return new RougeTokenizer(false, stem);
  }

  /** The Unicode-aware tokenizer described in the class comment. */
  public static RougeTokenizer unicode(boolean stem) {
    return new RougeTokenizer(true, stem);
  }

  /** Tokenizes one text. */
  public List<String> tokenize(String text) {
    return unicode ? tokenizeUnicode(text) : tokenizeParity(text);
  }

  /**
   * The tokens of a text as ids, all of them and those of each line (rouge-score's ROUGE-Lsum
   * splits on "\n"; lines without tokens are left out, as they add nothing to the summary-level
   * LCS).
   */
  public record Tokens(int[] all, List<int[]> lines) {}

  /** {@link #tokenize} of the text and of each of its lines, as ids of {@code vocabulary}. */
  public Tokens tokenIds(String text, TokenIds vocabulary) {
    if (unicode) {
      // a combining mark after a line break joins the previous line's last token here, so the
      // lines are tokenized one by one
      List<int[]> lines = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        int[] ids = ids(tokenize(line), vocabulary);
        if (ids.length > 0) {
          lines.add(ids);
        }
      }
      return new Tokens(ids(tokenize(text), vocabulary), lines);
    }
    return parityIds(text, vocabulary);
  }

  private static int[] ids(List<String> tokens, TokenIds vocabulary) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vocabulary.id(tokens.get(i));
    }
    return out;
  }

  /**
   * {@link #tokenizeParity} as one scan. Lower-casing is per character apart from the final-sigma
   * rule, which only chooses between two non-ASCII letters (separators here), so the tokens of the
   * whole text are the tokens of its lines, concatenated. ASCII text is lower-cased in the scan;
   * other text goes through {@link PyText#lower} first (a few non-ASCII letters, such as the Kelvin
   * sign, lower-case to ASCII).
   */
  private Tokens parityIds(String text, TokenIds vocabulary) {
    char[] a = (PyText.isAscii(text) ? text : PyText.lower(text)).toCharArray();
    int[] all = new int[a.length / 2 + 1];
    List<int[]> lines = new ArrayList<>();
    int count = 0;
    int lineStart = 0;
    int i = 0;
    while (i <= a.length) {
      char c = i < a.length ? a[i] : '\n';
      if (c >= 'A' && c <= 'Z') {
        a[i] = c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        int start = i;
        while (++i < a.length) {
          c = a[i];
          if (c >= 'A' && c <= 'Z') {
            a[i] = c = (char) (c + ('a' - 'A'));
          }
          if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            break;
          }
        }
        int id = parityId(a, start, i, vocabulary);
        if (id >= 0) {
          all[count++] = id;
        }
        continue;
      }
      if (c == '\n') {
        if (count > lineStart) {
          lines.add(Arrays.copyOfRange(all, lineStart, count));
        }
        lineStart = count;
      }
      i++;
    }
    return new Tokens(Arrays.copyOf(all, count), lines);
  }

  /** The id of one ASCII token after optional stemming; -1 when rouge-score would drop it. */
  private int parityId(char[] a, int start, int end, TokenIds vocabulary) {
    if (!stem || end - start <= 3) {
      return vocabulary.id(a, start, end);
    }
    String out = PorterStemmer.instance().stem(new String(a, start, end - start));
    return !out.isEmpty() && isAsciiAlnum(out) ? vocabulary.id(out) : -1;
  }

  private List<String> tokenizeParity(String text) {
    String lowered = PyText.lower(text);
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < lowered.length(); i++) {
      char c = lowered.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        current.append(c);
      } else if (current.length() > 0) {
        addParity(tokens, current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      addParity(tokens, current.toString());
    }
    return tokens;
  }

  private void addParity(List<String> tokens, String token) {
    String out = stem && token.length() > 3 ? PorterStemmer.instance().stem(token) : token;
    // rouge-score keeps only tokens matching ^[a-z0-9]+$ after stemming
    if (!out.isEmpty() && isAsciiAlnum(out)) {
      tokens.add(out);
    }
  }

  private List<String> tokenizeUnicode(String text) {
    String lowered = PyText.lower(text);
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < lowered.length()) {
      int cp = lowered.codePointAt(i);
      i += Character.charCount(cp);
      if (isUnsegmentedScript(cp)) {
        flush(current, tokens);
        tokens.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
        if (isMark(cp)
            && current.length() == 0
            && !tokens.isEmpty()
            && endsWithUnsegmented(tokens)) {
          // a combining mark after a single-character token belongs to it (e.g. Thai vowels)
          String last = tokens.remove(tokens.size() - 1);
          tokens.add(last + new String(Character.toChars(cp)));
        } else {
          current.appendCodePoint(cp);
        }
      } else {
        flush(current, tokens);
      }
    }
    flush(current, tokens);
    return tokens;
  }

  private boolean endsWithUnsegmented(List<String> tokens) {
    String last = tokens.get(tokens.size() - 1);
    return isUnsegmentedScript(last.codePointAt(0));
  }

  private void flush(StringBuilder current, List<String> tokens) {
    if (current.length() == 0) {
      return;
    }
    String token = current.toString();
    current.setLength(0);
    if (stem && token.length() > 3 && isAsciiAlnum(token)) {
      token = PorterStemmer.instance().stem(token);
    }
    tokens.add(token);
  }

  private static boolean isAsciiAlnum(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isUnsegmentedScript(int cp) {
    if (!Character.isLetterOrDigit(cp)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    switch (script) {
      case HAN:
      case HIRAGANA:
      case KATAKANA:
      case THAI:
      case LAO:
      case KHMER:
      case MYANMAR:
      case TIBETAN:
        return true;
      default:
        return false;
    }
  }
}
