package ai.lumigator.jobs.metrics.text;

import java.util.Arrays;

/**
 * {@link Tokenizer13a}'s tokens as ids, in one scan of the text and without building the spaced
 * line or any token string; reuses its buffers from one text to the next (not thread-safe).
 *
 * <p>Why scanning word by word gives the same tokens: after substitution 1 every symbol stands
 * alone between spaces, so the line is a sequence of "words" (runs of characters that are neither
 * whitespace nor symbols) and symbols, each with whitespace on both sides. Substitutions 2 to 4
 * only match pairs involving {@code [.,]}, a digit or {@code -}, none of which is whitespace or a
 * symbol, and a whitespace character can never be the first half of a match (2 and 3 need it to be
 * {@code [.,]} or follow it, 4 a digit): so whether a match consumed the whitespace before a word
 * never changes what happens inside the next word. Each word is therefore transformed on its own,
 * as {@code " " + word + " "}; a word without {@code .}, {@code ,} or {@code -} is left unchanged
 * by 2 to 4 and is one token; a symbol is one token.
 */
public final class Tokenizer13aScanner {

  private char[] line = new char[256];
  private char[] a = new char[64];
  private char[] b = new char[128];
  private int[] ids = new int[64];
  private int count;

  /** The ids of the last scan's tokens (the first {@link #count()} elements). */
  public int[] ids() {
    return ids;
  }

  /** Number of tokens of the last scan. */
  public int count() {
    return count;
  }

  /**
   * Tokenizes {@code text} like {@link Tokenizer13a#tokenize}, interning into {@code vocabulary}.
   */
  public int scan(String text, TokenIds vocabulary) {
    String s = Tokenizer13a.preprocess(text);
    int n = s.length();
    if (line.length < n) {
      line = new char[Math.max(n, line.length * 2)];
    }
    if (ids.length < n) {
      ids = new int[Math.max(n, ids.length * 2)];
    }
    char[] c = line;
    s.getChars(0, n, c, 0);
    count = 0;
    int i = 0;
    while (i < n) {
      char ch = c[i];
      if (PyText.isSpace(ch)) {
        i++;
      } else if (Tokenizer13a.isSymbol(ch)) {
        ids[count++] = vocabulary.id(c, i, i + 1);
        i++;
      } else {
        int start = i;
        boolean special = false;
        do {
          special |= ch == '.' || ch == ',' || ch == '-';
          if (++i == n) {
            break;
          }
          ch = c[i];
        } while (!PyText.isSpace(ch) && !Tokenizer13a.isSymbol(ch));
        if (special) {
          word(c, start, i, vocabulary);
        } else {
          ids[count++] = vocabulary.id(c, start, i);
        }
      }
    }
    return count;
  }

  /** Substitutions 2 to 4 on {@code " " + word + " "}, then its tokens. */
  private void word(char[] c, int start, int end, TokenIds vocabulary) {
    int m = end - start + 2;
    if (a.length < 8 * m) {
      a = new char[8 * m];
      b = new char[8 * m];
    }
    a[0] = ' ';
    System.arraycopy(c, start, a, 1, m - 2);
    a[m - 1] = ' ';
    m = Tokenizer13a.pairs(a, m, b, Tokenizer13a.PERIOD_COMMA_AFTER_NON_DIGIT);
    m = Tokenizer13a.pairs(b, m, a, Tokenizer13a.PERIOD_COMMA_BEFORE_NON_DIGIT);
    m = Tokenizer13a.pairs(a, m, b, Tokenizer13a.DASH_AFTER_DIGIT);
    char[] w = b;
    int i = 0;
    while (i < m) {
      while (i < m && PyText.isSpace(w[i])) {
        i++;
      }
      int s = i;
      while (i < m && !PyText.isSpace(w[i])) {
        i++;
      }
      if (i > s) {
        if (count == ids.length) {
          ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = vocabulary.id(w, s, i);
      }
    }
  }
}
