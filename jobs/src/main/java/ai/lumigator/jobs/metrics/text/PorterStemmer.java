package ai.lumigator.jobs.metrics.text;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Port of NLTK 3.8.1's {@code nltk.stem.porter.PorterStemmer} in its default {@code
 * NLTK_EXTENSIONS} mode (the mode rouge-score and NLTK's METEOR use).
 *
 * <p>The NLTK extensions over Martin Porter's original algorithm: a pool of irregular forms
 * ("dying" → "die", "skies" → "sky", ...), words of at most two characters are returned unchanged,
 * "ies"/"ied" on four-letter words become "ie", step 1c needs a consonant before the final "y",
 * step 2 has the "alli", "fulli" and "logi" rules and "bli" → "ble", and a two-letter
 * vowel-consonant stem counts as CVC.
 *
 * <p>Python indexes strings by code point; this port works on code point arrays so lengths and
 * positions agree for characters outside the Basic Multilingual Plane as well. Thread-safe; the
 * only state is a bounded cache of recent results.
 */
public final class PorterStemmer {

  private static final Map<String, String> POOL =
      Map.ofEntries(
          Map.entry("sky", "sky"),
          Map.entry("skies", "sky"),
          Map.entry("dying", "die"),
          Map.entry("lying", "lie"),
          Map.entry("tying", "tie"),
          Map.entry("news", "news"),
          Map.entry("innings", "inning"),
          Map.entry("inning", "inning"),
          Map.entry("outings", "outing"),
          Map.entry("outing", "outing"),
          Map.entry("cannings", "canning"),
          Map.entry("canning", "canning"),
          Map.entry("howe", "howe"),
          Map.entry("proceed", "proceed"),
          Map.entry("exceed", "exceed"),
          Map.entry("succeed", "succeed"));

  private static final PorterStemmer INSTANCE = new PorterStemmer();

  /** Words up to this length are cached. */
  private static final int CACHED_LENGTH = 32;

  /**
   * A bounded cache of recent stems, one entry per slot (a newer word takes its slot). Threads may
   * race on a slot; an entry's fields are final, so a reader sees a whole entry or another one.
   */
  private final Cached[] cache = new Cached[1 << 13];

  private record Cached(String word, String stem) {}

  /** The shared instance. */
  public static PorterStemmer instance() {
    return INSTANCE;
  }

  /** {@code PorterStemmer().stem(word)}: lower-cases, then stems. */
  public String stem(String word) {
    if (word.length() > CACHED_LENGTH) {
      return stemUncached(word);
    }
    int h = word.hashCode();
    int slot = (h ^ (h >>> 16)) & (cache.length - 1);
    Cached c = cache[slot];
    if (c != null && c.word.equals(word)) {
      return c.stem;
    }
    String stem = stemUncached(word);
    cache[slot] = new Cached(word, stem);
    return stem;
  }

  private String stemUncached(String word) {
    String lowered = PyText.lower(word);
    if (POOL.containsKey(word)) {
      return POOL.get(lowered);
    }
    if (word.codePointCount(0, word.length()) <= 2) {
      return lowered;
    }
    Word w = new Word(lowered);
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    w = step5b(w);
    return w.toString();
  }

  /** Immutable code point string with the few operations the algorithm needs. */
  private static final class Word {
    final int[] cps;

    Word(String s) {
      this.cps = s.codePoints().toArray();
    }

    Word(int[] cps) {
      this.cps = cps;
    }

    int len() {
      return cps.length;
    }

    int at(int i) {
      return cps[i];
    }

    int last() {
      return cps[cps.length - 1];
    }

    boolean endsWith(String suffix) {
      int n = suffix.length();
      if (n > cps.length) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (cps[cps.length - n + i] != suffix.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** Drops the last {@code n} code points. */
    Word dropLast(int n) {
      int[] out = new int[Math.max(0, cps.length - n)];
      System.arraycopy(cps, 0, out, 0, out.length);
      return new Word(out);
    }

    Word append(String s) {
      int[] add = s.codePoints().toArray();
      int[] out = new int[cps.length + add.length];
      System.arraycopy(cps, 0, out, 0, cps.length);
      System.arraycopy(add, 0, out, cps.length, add.length);
      return new Word(out);
    }

    @Override
    public String toString() {
      return new String(cps, 0, cps.length);
    }
  }

  private record Rule(String suffix, String replacement, Predicate<Word> condition) {}

  private static boolean isVowelLetter(int c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean isConsonant(Word w, int i) {
    // Python recursion: y after a consonant is a vowel; iterate instead of recursing.
    boolean consonant;
    int start = i;
    while (start > 0 && w.at(start) == 'y') {
      start--;
    }
    // w[start] is either index 0 or a non-'y' character.
    int c = w.at(start);
    if (isVowelLetter(c)) {
      consonant = false;
    } else {
      consonant = true; // a non-vowel, or a 'y' at index 0
    }
    for (int k = start + 1; k <= i; k++) {
      // each following 'y' flips: consonant iff previous is not a consonant
      consonant = !consonant;
    }
    return consonant;
  }

  private static int measure(Word stem) {
    int count = 0;
    boolean prevVowel = false;
    for (int i = 0; i < stem.len(); i++) {
      boolean consonant = isConsonant(stem, i);
      if (consonant && prevVowel) {
        count++;
      }
      prevVowel = !consonant;
    }
    return count;
  }

  private static boolean hasPositiveMeasure(Word stem) {
    return measure(stem) > 0;
  }

  private static boolean containsVowel(Word stem) {
    for (int i = 0; i < stem.len(); i++) {
      if (!isConsonant(stem, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsDoubleConsonant(Word w) {
    int n = w.len();
    return n >= 2 && w.at(n - 1) == w.at(n - 2) && isConsonant(w, n - 1);
  }

  private static boolean endsCvc(Word w) {
    int n = w.len();
    boolean cvc =
        n >= 3
            && isConsonant(w, n - 3)
            && !isConsonant(w, n - 2)
            && isConsonant(w, n - 1)
            && w.at(n - 1) != 'w'
            && w.at(n - 1) != 'x'
            && w.at(n - 1) != 'y';
    return cvc || (n == 2 && !isConsonant(w, 0) && isConsonant(w, 1));
  }

  private static Word applyRuleList(Word word, Rule[] rules) {
    for (Rule rule : rules) {
      if (rule.suffix.equals("*d") && endsDoubleConsonant(word)) {
        Word stem = word.dropLast(2);
        if (rule.condition == null || rule.condition.test(stem)) {
          return stem.append(rule.replacement);
        }
        return word;
      }
      if (word.endsWith(rule.suffix)) {
        Word stem = word.dropLast(rule.suffix.length());
        if (rule.condition == null || rule.condition.test(stem)) {
          return stem.append(rule.replacement);
        }
        return word;
      }
    }
    return word;
  }

  private static final Rule[] STEP1A = {
    new Rule("sses", "ss", null),
    new Rule("ies", "i", null),
    new Rule("ss", "ss", null),
    new Rule("s", "", null),
  };

  private static Word step1a(Word word) {
    if (word.endsWith("ies") && word.len() == 4) {
      return word.dropLast(3).append("ie");
    }
    return applyRuleList(word, STEP1A);
  }

  private static Word step1b(Word word) {
    if (word.endsWith("ied")) {
      return word.dropLast(3).append(word.len() == 4 ? "ie" : "i");
    }
    if (word.endsWith("eed")) {
      Word stem = word.dropLast(3);
      return measure(stem) > 0 ? stem.append("ee") : word;
    }
    Word intermediate = null;
    for (String suffix : new String[] {"ed", "ing"}) {
      if (word.endsWith(suffix)) {
        Word candidate = word.dropLast(suffix.length());
        if (containsVowel(candidate)) {
          intermediate = candidate;
          break;
        }
      }
    }
    if (intermediate == null) {
      return word;
    }
    final Word stemBase = intermediate;
    int lastChar = stemBase.last();
    Rule[] rules = {
      new Rule("at", "ate", null),
      new Rule("bl", "ble", null),
      new Rule("iz", "ize", null),
      new Rule(
          "*d",
          new String(Character.toChars(lastChar)),
          s -> lastChar != 'l' && lastChar != 's' && lastChar != 'z'),
      new Rule("", "e", s -> measure(s) == 1 && endsCvc(s)),
    };
    return applyRuleList(stemBase, rules);
  }

  private static Word step1c(Word word) {
    Rule[] rules = {new Rule("y", "i", s -> s.len() > 1 && isConsonant(s, s.len() - 1))};
    return applyRuleList(word, rules);
  }

  private static Word step2(Word word) {
    if (word.endsWith("alli") && hasPositiveMeasure(word.dropLast(4))) {
      return step2(word.dropLast(4).append("al"));
    }
    Predicate<Word> pos = PorterStemmer::hasPositiveMeasure;
    final Word original = word;
    Rule[] rules = {
      new Rule("ational", "ate", pos),
      new Rule("tional", "tion", pos),
      new Rule("enci", "ence", pos),
      new Rule("anci", "ance", pos),
      new Rule("izer", "ize", pos),
      new Rule("bli", "ble", pos),
      new Rule("alli", "al", pos),
      new Rule("entli", "ent", pos),
      new Rule("eli", "e", pos),
      new Rule("ousli", "ous", pos),
      new Rule("ization", "ize", pos),
      new Rule("ation", "ate", pos),
      new Rule("ator", "ate", pos),
      new Rule("alism", "al", pos),
      new Rule("iveness", "ive", pos),
      new Rule("fulness", "ful", pos),
      new Rule("ousness", "ous", pos),
      new Rule("aliti", "al", pos),
      new Rule("iviti", "ive", pos),
      new Rule("biliti", "ble", pos),
      new Rule("fulli", "ful", pos),
      new Rule("logi", "log", s -> hasPositiveMeasure(original.dropLast(3))),
    };
    return applyRuleList(word, rules);
  }

  private static final Predicate<Word> POSITIVE = PorterStemmer::hasPositiveMeasure;

  private static final Rule[] STEP3 = {
    new Rule("icate", "ic", POSITIVE),
    new Rule("ative", "", POSITIVE),
    new Rule("alize", "al", POSITIVE),
    new Rule("iciti", "ic", POSITIVE),
    new Rule("ical", "ic", POSITIVE),
    new Rule("ful", "", POSITIVE),
    new Rule("ness", "", POSITIVE),
  };

  private static Word step3(Word word) {
    return applyRuleList(word, STEP3);
  }

  private static final Predicate<Word> GT1 = s -> measure(s) > 1;

  private static final Rule[] STEP4 = {
    new Rule("al", "", GT1),
    new Rule("ance", "", GT1),
    new Rule("ence", "", GT1),
    new Rule("er", "", GT1),
    new Rule("ic", "", GT1),
    new Rule("able", "", GT1),
    new Rule("ible", "", GT1),
    new Rule("ant", "", GT1),
    new Rule("ement", "", GT1),
    new Rule("ment", "", GT1),
    new Rule("ent", "", GT1),
    new Rule("ion", "", s -> measure(s) > 1 && (s.last() == 's' || s.last() == 't')),
    new Rule("ou", "", GT1),
    new Rule("ism", "", GT1),
    new Rule("ate", "", GT1),
    new Rule("iti", "", GT1),
    new Rule("ous", "", GT1),
    new Rule("ive", "", GT1),
    new Rule("ize", "", GT1),
  };

  private static Word step4(Word word) {
    return applyRuleList(word, STEP4);
  }

  private static Word step5a(Word word) {
    if (word.endsWith("e")) {
      Word stem = word.dropLast(1);
      int m = measure(stem);
      if (m > 1) {
        return stem;
      }
      if (m == 1 && !endsCvc(stem)) {
        return stem;
      }
    }
    return word;
  }

  private static Word step5b(Word word) {
    final Word original = word;
    Rule[] rules = {new Rule("ll", "l", s -> measure(original.dropLast(1)) > 1)};
    return applyRuleList(word, rules);
  }
}
