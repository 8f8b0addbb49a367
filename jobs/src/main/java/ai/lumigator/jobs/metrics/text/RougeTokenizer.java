package ai.lumigator.jobs.metrics.text;

import java.util.ArrayList;
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
