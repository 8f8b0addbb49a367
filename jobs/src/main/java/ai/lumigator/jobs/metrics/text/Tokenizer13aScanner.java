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

  // character kinds: a word's characters are WORD or SPECIAL (those substitutions 2 to 4 act on)
  private static final byte WORD = 0;
  private static final byte SPECIAL = 1; // . , -
  private static final byte SPACE = 2; // Python whitespace (the space is a symbol as well)
  private static final byte SYMBOL = 3; // substitution 1's characters
  private static final byte[] KIND = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      KIND[c] =
          PyText.isSpace(c)
              ? SPACE
              : Tokenizer13a.isSymbol(c)
                  ? SYMBOL
                  : c == '.' || c == ',' || c == '-' ? SPECIAL : WORD;
    }
  }

  private char[] line = new char[256];
  private char[] a = new char[64];
  private char[] b = new char[128];

  /** The transformed words, one after the other. */
  private char[] words = new char[256];

  private int wordsLength;

  /** Per token: its start in {@code line}, or ~its start in {@code words}. */
  private int[] starts = new int[64];

  private int[] ends = new int[64];
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
    String s = Tokenizer13a.preprocessKeepingNewlines(text);
    int n = s.length();
    if (line.length < n) {
      line = new char[Math.max(n, line.length * 2)];
    }
    if (starts.length < n) { // each token holds at least one character of the line
      int size = Math.max(n, starts.length * 2);
      starts = new int[size];
      ends = new int[size];
      ids = new int[size];
    }
    s.getChars(0, n, line, 0);
    count = 0;
    wordsLength = 0;
    bounds(n);
    intern(vocabulary);
    return count;
  }

  /** The tokens' bounds. */
  private void bounds(int n) {
    char[] c = line;
    int i = 0;
    while (i < n) {
      int kind = kind(c[i]);
      if (kind == SPACE) {
        i++;
      } else if (kind == SYMBOL) {
        token(i, ++i);
      } else {
        int start = i;
        int specials = 0;
        do {
          if (kind == SPECIAL) {
            specials++;
          }
          if (++i == n) {
            break;
          }
          kind = kind(c[i]);
        } while (kind < SPACE);
        if (specials == 0) {
          token(start, i);
        } else if (specials == 1 && kind(c[i - 1]) == SPECIAL) {
          lastSpecial(start, i);
        } else {
          word(start, i);
        }
      }
    }
  }

  private void token(int start, int end) {
    starts[count] = start;
    ends[count++] = end;
  }

  /**
   * A word whose only {@code .}, {@code ,} or {@code -} is its last character (as in "you." or
   * "Hello,"), the common case of {@link #word}: a period or comma always becomes a token of its
   * own (substitution 3 matches it with the space after the word); a dash does after a digit
   * (substitution 4) and otherwise stays in the word.
   */
  private void lastSpecial(int start, int end) {
    int last = end - 1;
    char special = line[last];
    if (last == start || special == '-' && !(line[last - 1] >= '0' && line[last - 1] <= '9')) {
      token(start, end);
    } else {
      token(start, last);
      token(last, end);
    }
  }

  /** One call site of {@link TokenIds#id}, so the JIT compiles (inlines) it once. */
  private void intern(TokenIds vocabulary) {
    for (int t = 0; t < count; t++) {
      int start = starts[t];
      char[] chars = line;
      if (start < 0) {
        start = ~start;
        chars = words;
      }
      ids[t] = vocabulary.id(chars, start, ends[t]);
    }
  }

  private static int kind(char c) {
    return c < 128 ? KIND[c] : PyText.isSpace(c) ? SPACE : WORD;
  }

  /**
   * Substitutions 2 to 4 on {@code " " + word + " "} (the word is {@code line[start, end)}); its
   * tokens are the runs between the spaces they insert (the word holds no whitespace).
   */
  private void word(int start, int end) {
    int m = end - start + 2;
    if (a.length < 8 * m) {
      a = new char[8 * m];
      b = new char[8 * m];
    }
    a[0] = ' ';
    System.arraycopy(line, start, a, 1, m - 2);
    a[m - 1] = ' ';
    m = Tokenizer13a.pairs(a, m, b, Tokenizer13a.PERIOD_COMMA_AFTER_NON_DIGIT);
    m = Tokenizer13a.pairs(b, m, a, Tokenizer13a.PERIOD_COMMA_BEFORE_NON_DIGIT);
    m = Tokenizer13a.pairs(a, m, b, Tokenizer13a.DASH_AFTER_DIGIT);
    if (words.length < wordsLength + m) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, wordsLength + m));
    }
    char[] w = words;
    int offset = wordsLength;
    System.arraycopy(b, 0, w, offset, m);
    wordsLength += m;
    for (int i = offset, limit = offset + m; i < limit; i++) {
      if (w[i] != ' ') {
        starts[count] = ~i;
        while (w[++i] != ' ') {}
        ends[count++] = i;
      }
    }
  }
}
