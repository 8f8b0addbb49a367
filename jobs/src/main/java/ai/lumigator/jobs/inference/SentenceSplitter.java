package ai.lumigator.jobs.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small rule-based sentence splitter, good enough for lead-N baselines on prose and dialogue.
 *
 * <p>Rules: every line break ends a sentence (a dialogue turn such as {@code #Person1#: Hi.} is one
 * line, and the speaker tag stays with its text); blank lines are dropped. Inside a line a sentence
 * ends after a run of {@code . ! ? …} (plus closing quotes or brackets) that is followed by
 * whitespace, except: after a full stop when the next word starts with a lower-case letter, after a
 * known abbreviation ({@code Mr. Dr. e.g. etc.} ...), after a single-letter initial ({@code J.}),
 * and inside numbers ({@code 3.5}, which has no whitespace anyway). Sentences are trimmed.
 */
public final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "e.g", "i.e", "no",
          "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
          "sept", "oct", "nov", "dec", "a.m", "p.m", "u.s", "u.k", "approx", "dept", "est", "fig",
          "gen", "gov", "lt", "col", "capt", "sgt", "rev", "hon", "ave", "blvd");

  private SentenceSplitter() {}

  /** The sentences of a text, in order. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\\r\\n|\\r|\\n")) {
      splitLine(line, out);
    }
    return out;
  }

  /**
   * The first {@code n} sentences joined with {@code "\n"} (one sentence per line, as ROUGE-Lsum
   * expects).
   */
  public static String lead(String text, int n) {
    List<String> s = split(text);
    return String.join("\n", s.subList(0, Math.min(n, s.size())));
  }

  private static void splitLine(String line, List<String> out) {
    int start = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (isTerminator(c)) {
        int end = i + 1;
        while (end < n && isTerminator(line.charAt(end))) {
          end++;
        }
        int termEnd = end;
        while (end < n && isCloser(line.charAt(end))) {
          end++;
        }
        if (end < n && Character.isWhitespace(line.charAt(end))) {
          int next = end;
          while (next < n && Character.isWhitespace(line.charAt(next))) {
            next++;
          }
          if (next < n && isBoundary(line, start, i, termEnd, next)) {
            add(out, line.substring(start, end));
            start = next;
            i = next;
            continue;
          }
        }
        i = end;
        continue;
      }
      i++;
    }
    add(out, line.substring(start));
  }

  private static boolean isBoundary(String line, int start, int term, int termEnd, int next) {
    for (int k = term; k < termEnd; k++) {
      if (line.charAt(k) != '.') {
        return true; // a run with ! ? or … ends a sentence whatever follows
      }
    }
    if (Character.isLowerCase(line.charAt(next))) {
      return false;
    }
    if (termEnd - term == 1) {
      String word = wordBefore(line, start, term);
      if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
        return false; // an initial: "J. Smith"
      }
      if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** The token right before position {@code term}, without leading punctuation. */
  private static String wordBefore(String line, int start, int term) {
    int b = term;
    while (b > start && !Character.isWhitespace(line.charAt(b - 1))) {
      b--;
    }
    String w = line.substring(b, term);
    int k = 0;
    while (k < w.length() && !Character.isLetterOrDigit(w.charAt(k))) {
      k++;
    }
    return w.substring(k);
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '»';
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
