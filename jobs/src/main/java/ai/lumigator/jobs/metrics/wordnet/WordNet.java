package ai.lumigator.jobs.metrics.wordnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only WordNet 3.0 lookups with the semantics of NLTK 3.8.1's {@code WordNetCorpusReader}:
 * {@link #synsetLemmaNames(String)} is {@code [s.lemma_names() for s in wordnet.synsets(word)]}
 * (all parts of speech, in NLTK's order noun, verb, adjective, adverb) and {@link #morphy(String,
 * Pos)} is its {@code _morphy} lemmatizer (exception lists, then detachment rules applied
 * repeatedly until a form is in the index).
 *
 * <p>The dictionary files (the Princeton WordNet 3.0 Unix database: {@code index.*}, {@code
 * data.*}, {@code *.exc}) come from the Maven artifact {@code net.sf.extjwnl:extjwnl-data-wn30} on
 * the class path; nothing is downloaded. {@link #load()} parses the index and exception files
 * (about a second, some 60 MB of heap) and keeps the data files as bytes, reading a synset's line
 * at its byte offset on demand. Thread-safe after construction.
 */
public final class WordNet {

  /** Class-path folder of the extjwnl-data-wn30 artifact. */
  public static final String RESOURCE_DIR = "/net/sf/extjwnl/data/wordnet/wn30/";

  /** Parts of speech in NLTK's {@code POS_LIST} order. */
  public enum Pos {
    NOUN("noun", 'n'),
    VERB("verb", 'v'),
    ADJ("adj", 'a'),
    ADV("adv", 'r');

    final String file;
    final char tag;

    Pos(String file, char tag) {
      this.file = file;
      this.tag = tag;
    }
  }

  private static final String[][] NOUN_RULES = {
    {"s", ""},
    {"ses", "s"},
    {"ves", "f"},
    {"xes", "x"},
    {"zes", "z"},
    {"ches", "ch"},
    {"shes", "sh"},
    {"men", "man"},
    {"ies", "y"},
  };
  private static final String[][] VERB_RULES = {
    {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""},
    {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
  };
  private static final String[][] ADJ_RULES = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
  private static final String[][] ADV_RULES = {};

  private static final Pattern LEMMA_MARKER = Pattern.compile("(.*?)(\\(.*\\))?$", Pattern.DOTALL);

  private static volatile WordNet shared;

  /** lemma → offsets per {@link Pos} ordinal (null where the lemma lacks that part of speech). */
  private final Map<String, int[][]> index;

  private final List<Map<String, List<String>>> exceptions;
  private final byte[][] data;

  private WordNet(
      Map<String, int[][]> index, List<Map<String, List<String>>> exceptions, byte[][] data) {
    this.index = index;
    this.exceptions = exceptions;
    this.data = data;
  }

  /** True when the WordNet data artifact is on the class path. */
  public static boolean isAvailable() {
    return WordNet.class.getResource(RESOURCE_DIR + "index.noun") != null;
  }

  /**
   * The process-wide instance, loaded on first use.
   *
   * @throws IllegalStateException when the data artifact is missing
   */
  public static WordNet load() {
    WordNet w = shared;
    if (w == null) {
      synchronized (WordNet.class) {
        w = shared;
        if (w == null) {
          w = read();
          shared = w;
        }
      }
    }
    return w;
  }

  private static byte[] resource(String name) {
    try (InputStream in = WordNet.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "WordNet 3.0 data not on the class path (net.sf.extjwnl:extjwnl-data-wn30): missing "
                + RESOURCE_DIR
                + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WordNet read() {
    Map<String, int[][]> index = new HashMap<>(1 << 18);
    List<Map<String, List<String>>> exceptions = new ArrayList<>();
    byte[][] data = new byte[Pos.values().length][];
    for (Pos pos : Pos.values()) {
      readIndex(pos, resource("index." + pos.file), index);
      exceptions.add(readExceptions(resource(pos.file + ".exc")));
      data[pos.ordinal()] = resource("data." + pos.file);
    }
    return new WordNet(index, List.copyOf(exceptions), data);
  }

  private static void readIndex(Pos pos, byte[] bytes, Map<String, int[][]> index) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      if (line.startsWith(" ") || line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      String lemma = f[0];
      int nSynsets = Integer.parseInt(f[2]);
      int nPointers = Integer.parseInt(f[3]);
      int k = 4 + nPointers + 2;
      int[] offsets = new int[nSynsets];
      for (int i = 0; i < nSynsets; i++) {
        offsets[i] = Integer.parseInt(f[k + i]);
      }
      index.computeIfAbsent(lemma, x -> new int[Pos.values().length][])[pos.ordinal()] = offsets;
    }
  }

  private static Map<String, List<String>> readExceptions(byte[] bytes) {
    Map<String, List<String>> map = new HashMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String[] terms = line.trim().split("\\s+");
      if (terms.length == 0 || terms[0].isEmpty()) {
        continue;
      }
      map.put(terms[0], List.of(Arrays.copyOfRange(terms, 1, terms.length)));
    }
    return map;
  }

  private static String[][] rules(Pos pos) {
    return switch (pos) {
      case NOUN -> NOUN_RULES;
      case VERB -> VERB_RULES;
      case ADJ -> ADJ_RULES;
      case ADV -> ADV_RULES;
    };
  }

  private boolean inIndex(String form, Pos pos) {
    int[][] entry = index.get(form);
    return entry != null && entry[pos.ordinal()] != null;
  }

  /** NLTK's {@code _morphy(form, pos, check_exceptions=True)}: base forms in the index. */
  public List<String> morphy(String form, Pos pos) {
    Map<String, List<String>> exc = exceptions.get(pos.ordinal());
    if (exc.containsKey(form)) {
      List<String> forms = new ArrayList<>();
      forms.add(form);
      forms.addAll(exc.get(form));
      return filterForms(forms, pos);
    }
    List<String> forms = applyRules(List.of(form), pos);
    List<String> withOriginal = new ArrayList<>();
    withOriginal.add(form);
    withOriginal.addAll(forms);
    List<String> results = filterForms(withOriginal, pos);
    if (!results.isEmpty()) {
      return results;
    }
    while (!forms.isEmpty()) {
      forms = applyRules(forms, pos);
      results = filterForms(forms, pos);
      if (!results.isEmpty()) {
        return results;
      }
    }
    return List.of();
  }

  private static List<String> applyRules(List<String> forms, Pos pos) {
    List<String> out = new ArrayList<>();
    for (String form : forms) {
      for (String[] rule : rules(pos)) {
        if (form.endsWith(rule[0])) {
          out.add(form.substring(0, form.length() - rule[0].length()) + rule[1]);
        }
      }
    }
    return out;
  }

  private List<String> filterForms(List<String> forms, Pos pos) {
    List<String> result = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (String form : forms) {
      if (inIndex(form, pos) && seen.add(form)) {
        result.add(form);
      }
    }
    return result;
  }

  /**
   * Lemma names of every synset of {@code word} ({@code wordnet.synsets(word)}: the word is
   * lower-cased, lemmatized by {@link #morphy} for each part of speech, and looked up), one list
   * per synset, in NLTK's order. Adjective markers such as "(a)" are removed; names keep their case
   * and underscores.
   */
  public List<List<String>> synsetLemmaNames(String word) {
    String lemma = word.toLowerCase(Locale.ROOT);
    List<List<String>> out = new ArrayList<>();
    for (Pos pos : Pos.values()) {
      for (String form : morphy(lemma, pos)) {
        for (int offset : index.get(form)[pos.ordinal()]) {
          out.add(lemmaNames(pos, offset));
        }
      }
    }
    return out;
  }

  private List<String> lemmaNames(Pos pos, int offset) {
    byte[] bytes = data[pos.ordinal()];
    int end = offset;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    String line = new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    String[] f = line.trim().split(" +");
    // synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt ...
    if (f.length < 4 || Integer.parseInt(f[0]) != offset) {
      throw new IllegalStateException("WordNet data." + pos.file + ": no synset at " + offset);
    }
    int wCnt = Integer.parseInt(f[3], 16);
    List<String> names = new ArrayList<>(wCnt);
    for (int i = 0; i < wCnt; i++) {
      Matcher m = LEMMA_MARKER.matcher(f[4 + 2 * i]);
      names.add(m.matches() ? m.group(1) : f[4 + 2 * i]);
    }
    return names;
  }

  /**
   * METEOR's synonym set: lemma names without '_' of all synsets of {@code word}, plus {@code
   * word}.
   */
  public Set<String> meteorSynonyms(String word) {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> names : synsetLemmaNames(word)) {
      for (String name : names) {
        if (name.indexOf('_') < 0) {
          out.add(name);
        }
      }
    }
    out.add(word);
    return Collections.unmodifiableSet(out);
  }

  /** A {@link SynonymProvider} over this WordNet with a bounded per-word cache. */
  public SynonymProvider synonymProvider() {
    Map<String, Set<String>> cache =
        Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > 50_000;
              }
            });
    return word -> {
      Set<String> cached = cache.get(word);
      if (cached == null) {
        cached = meteorSynonyms(word);
        cache.put(word, cached);
      }
      return cached;
    };
  }
}
