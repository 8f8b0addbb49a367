package ai.lumigator.jobs.metrics.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port of the sentence-splitting path of NLTK 3.8.1's {@code PunktSentenceTokenizer.tokenize} (with
 * {@code realign_boundaries=True}) and its default {@code PunktLanguageVars}.
 *
 * <p>{@link #english()} loads the pre-trained English model that {@code nltk.sent_tokenize} uses
 * (abbreviations such as "mr", "dr", "u.s"; collocations; frequent sentence starters; orthographic
 * contexts), bundled as the resource {@code punkt-english.tsv} next to this class. Training is not
 * ported. Regular expressions use Python's Unicode classes (see {@link PyText}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PunktSentenceTokenizer {

  // Orthographic context flags.
  private static final int ORTHO_BEG_UC = 1 << 1;
  private static final int ORTHO_MID_UC = 1 << 2;
  private static final int ORTHO_UNK_UC = 1 << 3;
  private static final int ORTHO_BEG_LC = 1 << 4;
  private static final int ORTHO_MID_LC = 1 << 5;
  private static final int ORTHO_UNK_LC = 1 << 6;
  private static final int ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
  private static final int ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

  // PunktLanguageVars, default (English) values.
  private static final String NON_WORD_CHARS = "(?:[)\";}\\]*:@'({\\[?!])";
  private static final String MULTI_CHAR_PUNCT = "(?:-{2,}|\\.{2,}|(?:\\." + PyText.S + "){2,}\\.)";
  private static final String WORD_START = "[^(\"`{\\[:;&#*@)}\\]\\-,]";

  private static final Pattern WORD_TOKENIZER =
      Pattern.compile(
          MULTI_CHAR_PUNCT
              + "|(?="
              + WORD_START
              + ")"
              + PyText.NS
              + "+?(?="
              + PyText.S
              + "|$|"
              + NON_WORD_CHARS
              + "|"
              + MULTI_CHAR_PUNCT
              + "|,(?=$|"
              + PyText.S
              + "|"
              + NON_WORD_CHARS
              + "|"
              + MULTI_CHAR_PUNCT
              + "))|"
              + PyText.NS,
          Pattern.UNIX_LINES);

  private static final Pattern PERIOD_CONTEXT =
      Pattern.compile(
          "[.?!](?=(?<afterTok>"
              + NON_WORD_CHARS
              + "|"
              + PyText.S
              + "+(?<nextTok>"
              + PyText.NS
              + "+)))",
          Pattern.UNIX_LINES);

  private static final Pattern BOUNDARY_REALIGNMENT =
      Pattern.compile(
          "[\"')\\]}]+?(?:" + PyText.S + "+|(?=--)|$)", Pattern.MULTILINE | Pattern.UNIX_LINES);

  private static final Pattern RE_NUMERIC =
      Pattern.compile("^-?[.,]?" + PyText.D + "[" + PyText.D + ",.\\-]*\\.?$", Pattern.UNIX_LINES);
  private static final Pattern RE_ELLIPSIS = Pattern.compile("\\.\\.+$", Pattern.UNIX_LINES);
  private static final Pattern RE_INITIAL =
      Pattern.compile("[\\p{L}\\p{Nl}\\p{No}_]\\.$", Pattern.UNIX_LINES);

  private static final String ASCII_WHITESPACE = " \t\n\r\u000B\f";
  private static final Set<String> PUNCTUATION = Set.of(";", ":", ",", ".", "!", "?");

  private static volatile PunktSentenceTokenizer english;

  private final Set<String> abbrevTypes;
  private final Set<String> sentStarters;
  private final Set<String> collocations; // "first\tsecond"
  private final Map<String, Integer> orthoContext;

  private PunktSentenceTokenizer(
      Set<String> abbrevTypes,
      Set<String> sentStarters,
      Set<String> collocations,
      Map<String, Integer> orthoContext) {
    this.abbrevTypes = abbrevTypes;
    this.sentStarters = sentStarters;
    this.collocations = collocations;
    this.orthoContext = orthoContext;
  }

  /** The pre-trained English model ({@code tokenizers/punkt/english.pickle}). Loaded once. */
  public static PunktSentenceTokenizer english() {
    PunktSentenceTokenizer t = english;
    if (t == null) {
      synchronized (PunktSentenceTokenizer.class) {
        t = english;
        if (t == null) {
          t = load("punkt-english.tsv");
          english = t;
        }
      }
    }
    return t;
  }

  private static PunktSentenceTokenizer load(String resource) {
    Set<String> abbrevs = new HashSet<>();
    Set<String> starters = new HashSet<>();
    Set<String> collocs = new HashSet<>();
    Map<String, Integer> ortho = new HashMap<>();
    try (InputStream in = PunktSentenceTokenizer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "A" -> abbrevs.add(f[1]);
          case "S" -> starters.add(f[1]);
          case "C" -> collocs.add(f[1] + "\t" + f[2]);
          case "O" -> ortho.put(f[1], Integer.parseInt(f[2]));
          default -> throw new IllegalStateException("bad line in " + resource + ": " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PunktSentenceTokenizer(
        Set.copyOf(abbrevs), Set.copyOf(starters), Set.copyOf(collocs), Map.copyOf(ortho));
  }

  /** {@code PunktSentenceTokenizer.tokenize(text)}: the sentences of {@code text}. */
  public List<String> tokenize(String text) {
    List<int[]> slices = realignBoundaries(text, slicesFromText(text));
    List<String> out = new ArrayList<>(slices.size());
    for (int[] s : slices) {
      out.add(PyText.slice(text, s[0], s[1]));
    }
    return out;
  }

  // ---------------------------------------------------------------- tokens

  /** A word token with the annotations Punkt computes. */
  private static final class Token {
    final String tok;
    final String type;
    final boolean periodFinal;
    boolean sentbreak;
    boolean abbr;
    boolean ellipsis;

    Token(String tok) {
      this.tok = tok;
      String lowered = PyText.lower(tok);
      this.type = RE_NUMERIC.matcher(lowered).find() ? "##number##" : lowered;
      this.periodFinal = tok.endsWith(".");
    }

    String typeNoPeriod() {
      if (type.length() > 1 && type.charAt(type.length() - 1) == '.') {
        return type.substring(0, type.length() - 1);
      }
      return type;
    }

    String typeNoSentperiod() {
      return sentbreak ? typeNoPeriod() : type;
    }

    boolean isEllipsis() {
      return RE_ELLIPSIS.matcher(tok).lookingAt();
    }

    boolean isInitial() {
      return RE_INITIAL.matcher(tok).lookingAt();
    }
  }

  /** {@code PunktLanguageVars.word_tokenize}. */
  static List<String> punktWordTokenize(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD_TOKENIZER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static List<Token> tokenizeWords(String plaintext) {
    List<Token> tokens = new ArrayList<>();
    for (String line : plaintext.split("\n", -1)) {
      if (!PyText.strip(line).isEmpty()) {
        for (String tok : punktWordTokenize(line)) {
          tokens.add(new Token(tok));
        }
      }
    }
    return tokens;
  }

  private void firstPassAnnotation(Token t) {
    String tok = t.tok;
    if (tok.equals(".") || tok.equals("?") || tok.equals("!")) {
      t.sentbreak = true;
    } else if (t.isEllipsis()) {
      t.ellipsis = true;
    } else if (t.periodFinal && !tok.endsWith("..")) {
      String stem = PyText.lower(tok.substring(0, tok.length() - 1));
      String[] parts = stem.split("-", -1);
      if (abbrevTypes.contains(stem) || abbrevTypes.contains(parts[parts.length - 1])) {
        t.abbr = true;
      } else {
        t.sentbreak = true;
      }
    }
  }

  private enum Ortho {
    TRUE,
    FALSE,
    UNKNOWN
  }

  private Ortho orthoHeuristic(Token t) {
    if (PUNCTUATION.contains(t.tok)) {
      return Ortho.FALSE;
    }
    int ctx = orthoContext.getOrDefault(t.typeNoSentperiod(), 0);
    if (PyText.firstUpper(t.tok) && (ctx & ORTHO_LC) != 0 && (ctx & ORTHO_MID_UC) == 0) {
      return Ortho.TRUE;
    }
    if (PyText.firstLower(t.tok) && ((ctx & ORTHO_UC) != 0 || (ctx & ORTHO_BEG_LC) == 0)) {
      return Ortho.FALSE;
    }
    return Ortho.UNKNOWN;
  }

  private void secondPassAnnotation(Token t1, Token t2) {
    if (t2 == null || !t1.periodFinal) {
      return;
    }
    String typ = t1.typeNoPeriod();
    String nextTyp = t2.typeNoSentperiod();
    boolean tokIsInitial = t1.isInitial();

    if (collocations.contains(typ + "\t" + nextTyp)) {
      t1.sentbreak = false;
      t1.abbr = true;
      return;
    }
    if ((t1.abbr || t1.ellipsis) && !tokIsInitial) {
      Ortho isSentStarter = orthoHeuristic(t2);
      if (isSentStarter == Ortho.TRUE) {
        t1.sentbreak = true;
        return;
      }
      if (PyText.firstUpper(t2.tok) && sentStarters.contains(nextTyp)) {
        t1.sentbreak = true;
        return;
      }
    }
    if (tokIsInitial || typ.equals("##number##")) {
      Ortho isSentStarter = orthoHeuristic(t2);
      if (isSentStarter == Ortho.FALSE) {
        t1.sentbreak = false;
        t1.abbr = true;
        return;
      }
      if (isSentStarter == Ortho.UNKNOWN
          && tokIsInitial
          && PyText.firstUpper(t2.tok)
          && (orthoContext.getOrDefault(nextTyp, 0) & ORTHO_LC) == 0) {
        t1.sentbreak = false;
        t1.abbr = true;
      }
    }
  }

  private List<Token> annotateTokens(List<Token> tokens) {
    for (Token t : tokens) {
      firstPassAnnotation(t);
    }
    // Python pipelines generators: the pair (t1, t2) is annotated when t2 has had its first pass
    // only, and t1's second pass never looks at later tokens, so a sequential loop is equivalent.
    for (int i = 0; i < tokens.size(); i++) {
      secondPassAnnotation(tokens.get(i), i + 1 < tokens.size() ? tokens.get(i + 1) : null);
    }
    return tokens;
  }

  /** {@code text_contains_sentbreak}: a sentence break on any token but the last. */
  boolean textContainsSentbreak(String text) {
    List<Token> tokens = annotateTokens(tokenizeWords(text));
    for (int i = 0; i < tokens.size() - 1; i++) {
      if (tokens.get(i).sentbreak) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- boundaries

  private record PeriodMatch(int start, int end, String group, String afterTok, int nextTokStart) {}

  private record Context(PeriodMatch match, String text) {}

  private static int lastWhitespaceIndex(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      if (ASCII_WHITESPACE.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return 0;
  }

  private static List<Context> matchPotentialEndContexts(String text) {
    List<Context> out = new ArrayList<>();
    int prevStart = 0;
    int prevStop = 0;
    PeriodMatch previous = null;
    Matcher m = PERIOD_CONTEXT.matcher(text);
    while (m.find()) {
      PeriodMatch match =
          new PeriodMatch(m.start(), m.end(), m.group(), m.group("afterTok"), m.start("nextTok"));
      String before = PyText.slice(text, prevStop, match.start);
      int index = lastWhitespaceIndex(before);
      if (index != 0) {
        index += prevStop + 1;
      } else {
        index = prevStart;
      }
      if (previous != null && prevStop <= index) {
        out.add(
            new Context(
                previous,
                PyText.slice(text, prevStart, prevStop) + previous.group + previous.afterTok));
      }
      previous = match;
      prevStart = index;
      prevStop = match.start;
    }
    if (previous != null) {
      out.add(
          new Context(
              previous,
              PyText.slice(text, prevStart, prevStop) + previous.group + previous.afterTok));
    }
    return out;
  }

  private List<int[]> slicesFromText(String text) {
    List<int[]> slices = new ArrayList<>();
    int lastBreak = 0;
    for (Context c : matchPotentialEndContexts(text)) {
      if (textContainsSentbreak(c.text)) {
        slices.add(new int[] {lastBreak, c.match.end});
        lastBreak = c.match.nextTokStart >= 0 ? c.match.nextTokStart : c.match.end;
      }
    }
    slices.add(new int[] {lastBreak, PyText.rstrip(text).length()});
    return slices;
  }

  private static List<int[]> realignBoundaries(String text, List<int[]> slices) {
    List<int[]> out = new ArrayList<>();
    int realign = 0;
    for (int k = 0; k < slices.size(); k++) {
      int[] s1 = {slices.get(k)[0] + realign, slices.get(k)[1]};
      if (k + 1 == slices.size()) {
        if (!PyText.slice(text, s1[0], s1[1]).isEmpty()) {
          out.add(s1);
        }
        continue;
      }
      int[] s2 = slices.get(k + 1);
      Matcher m = BOUNDARY_REALIGNMENT.matcher(PyText.slice(text, s2[0], s2[1]));
      if (m.lookingAt()) {
        out.add(new int[] {s1[0], s2[0] + PyText.rstrip(m.group()).length()});
        realign = m.end();
      } else {
        realign = 0;
        if (!PyText.slice(text, s1[0], s1[1]).isEmpty()) {
          out.add(s1);
        }
      }
    }
    return out;
  }
}
