package ai.lumigator.jobs.metrics.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Port of NLTK 3.8.1's {@code word_tokenize}: Punkt sentence splitting ({@link
 * PunktSentenceTokenizer#english()}), then {@code NLTKWordTokenizer} (the improved Treebank
 * tokenizer) on each sentence.
 *
 * <p>The Treebank step splits off punctuation, turns double quotes into {@code ``} and {@code ''},
 * splits clitics ("don't" → "do", "n't"; "I'm" → "I", "'m") and a few fused words ("cannot" →
 * "can", "not"), and splits a period off only at the end of a sentence — which is why the sentence
 * split matters ("Mr." stays one token, "York." at a sentence end becomes "York", ".").
 *
 * <p>Regular expressions are translated with Python's Unicode semantics for {@code \s}, {@code \w},
 * {@code \d} and {@code \b} (see {@link PyText}). Thread-safe.
 */
public final class NltkWordTokenizer {

  /**
   * One substitution. {@code anyOf} lists literals of which every match contains one; when the text
   * has none of them the regex cannot match and is not run (the regex search is most of METEOR's
   * time). For a case-insensitive pattern the literals are compared ignoring ASCII case, and only
   * on ASCII text: with {@code UNICODE_CASE} a non-ASCII character such as the Kelvin sign can
   * match an ASCII letter, so such text always goes to the regex.
   */
  private record Sub(Pattern pattern, String replacement, boolean ignoreCase, String... anyOf) {
    String apply(String text, boolean ascii, boolean prefilter) {
      if (prefilter && !mayMatch(text, ascii)) {
        return text;
      }
      return pattern.matcher(text).replaceAll(replacement);
    }

    private boolean mayMatch(String text, boolean ascii) {
      if (ignoreCase && !ascii) {
        return true;
      }
      for (String literal : anyOf) {
        if (ignoreCase ? containsIgnoreAsciiCase(text, literal) : text.contains(literal)) {
          return true;
        }
      }
      return false;
    }
  }

  /** For ASCII text and a lower-case ASCII literal. */
  private static boolean containsIgnoreAsciiCase(String text, String literal) {
    int m = literal.length();
    char first = literal.charAt(0);
    for (int i = 0, last = text.length() - m; i <= last; i++) {
      // (c | 0x20) lower-cases an ASCII letter; a few other chars pass too and are then rejected
      if ((text.charAt(i) | 0x20) == first && text.regionMatches(true, i, literal, 0, m)) {
        return true;
      }
    }
    return false;
  }

  private static Sub sub(String regex, String replacement, String... anyOf) {
    return new Sub(Pattern.compile(regex, Pattern.UNIX_LINES), replacement, false, anyOf);
  }

  private static Sub subCi(String regex, String replacement, String... anyOf) {
    return new Sub(
        Pattern.compile(
            regex, Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        replacement,
        true,
        anyOf);
  }

  private static final String S = PyText.S;
  private static final String B = PyText.B;

  private static final List<Sub> STARTING_QUOTES =
      List.of(
          sub("([«“‘„]|[`]+)", " $1 ", "«", "“", "‘", "„", "`"),
          sub("^\"", "``", "\""),
          sub("(``)", " $1 ", "``"),
          sub("([ (\\[{<])(\"|'{2})", "$1 `` ", "\"", "''"),
          subCi("(')(?!re|ve|ll|m|t|s|d|n)(" + PyText.W + ")" + B, "$1 $2", "'"));

  private static final List<Sub> ENDING_QUOTES =
      List.of(
          sub("([»”’])", " $1 ", "»", "”", "’"),
          sub("''", " '' ", "''"),
          sub("\"", " '' ", "\""),
          sub("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 ", "'"),
          sub("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 ", "'"));

  private static final List<Sub> PUNCTUATION =
      List.of(
          sub("([^.])(\\.)([\\])}>\"'»”’ ]*)" + S + "*$", "$1 $2 $3 ", "."),
          sub("([:,])([^" + PyText.D + "])", " $1 $2", ":", ","),
          sub("([:,])$", " $1 ", ":", ","),
          sub("\\.{2,}", " $0 ", ".."),
          sub("[;@#$%&]", " $0 ", ";", "@", "#", "$", "%", "&"),
          sub("([^.])(\\.)([\\])}>\"']*)" + S + "*$", "$1 $2$3 ", "."),
          sub("[?!]", " $0 ", "?", "!"),
          sub("([^'])' ", "$1 ' ", "' "),
          sub("[*]", " $0 ", "*"));

  private static final Sub PARENS_BRACKETS =
      sub("[\\]\\[(){}<>]", " $0 ", "]", "[", "(", ")", "{", "}", "<", ">");

  private static final Sub DOUBLE_DASHES = sub("--", " -- ", "--");

  private static final List<Sub> CONTRACTIONS =
      List.of(
          subCi(B + "(can)(not)" + B, " $1 $2 ", "cannot"),
          subCi(B + "(d)('ye)" + B, " $1 $2 ", "d'ye"),
          subCi(B + "(gim)(me)" + B, " $1 $2 ", "gimme"),
          subCi(B + "(gon)(na)" + B, " $1 $2 ", "gonna"),
          subCi(B + "(got)(ta)" + B, " $1 $2 ", "gotta"),
          subCi(B + "(lem)(me)" + B, " $1 $2 ", "lemme"),
          subCi(B + "(more)('n)" + B, " $1 $2 ", "more'n"),
          subCi(B + "(wan)(na)(?=" + S + ")", " $1 $2 ", "wanna"),
          subCi(" ('t)(is)" + B, " $1 $2 ", " 'tis"),
          subCi(" ('t)(was)" + B, " $1 $2 ", " 'twas"));

  private final PunktSentenceTokenizer sentences;

  private NltkWordTokenizer(PunktSentenceTokenizer sentences) {
    this.sentences = sentences;
  }

  private static final NltkWordTokenizer ENGLISH = new NltkWordTokenizer(null);

  /** {@code nltk.word_tokenize(text)} with the English Punkt model. */
  public static NltkWordTokenizer english() {
    return ENGLISH;
  }

  /** {@code word_tokenize(text)}: sentence split, then Treebank tokens of every sentence. */
  public List<String> tokenize(String text) {
    PunktSentenceTokenizer splitter =
        sentences != null ? sentences : PunktSentenceTokenizer.english();
    List<String> tokens = new ArrayList<>();
    for (String sentence : splitter.tokenize(text)) {
      tokens.addAll(tokenizeSentence(sentence));
    }
    return tokens;
  }

  /** {@code NLTKWordTokenizer().tokenize(sentence)} (no sentence splitting). */
  public static List<String> tokenizeSentence(String sentence) {
    return tokenizeSentence(sentence, true);
  }

  /** {@link #tokenizeSentence(String)}, optionally running every regex (for tests). */
  static List<String> tokenizeSentence(String sentence, boolean prefilter) {
    boolean ascii = PyText.isAscii(sentence); // no substitution adds a non-ASCII character
    String text = sentence;
    for (Sub s : STARTING_QUOTES) {
      text = s.apply(text, ascii, prefilter);
    }
    for (Sub s : PUNCTUATION) {
      text = s.apply(text, ascii, prefilter);
    }
    text = PARENS_BRACKETS.apply(text, ascii, prefilter);
    text = DOUBLE_DASHES.apply(text, ascii, prefilter);
    text = " " + text + " ";
    for (Sub s : ENDING_QUOTES) {
      text = s.apply(text, ascii, prefilter);
    }
    for (Sub s : CONTRACTIONS) {
      text = s.apply(text, ascii, prefilter);
    }
    return PyText.split(text);
  }
}
