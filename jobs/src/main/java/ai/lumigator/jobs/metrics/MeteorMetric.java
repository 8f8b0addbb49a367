package ai.lumigator.jobs.metrics;

import ai.lumigator.jobs.metrics.text.NltkWordTokenizer;
import ai.lumigator.jobs.metrics.text.PorterStemmer;
import ai.lumigator.jobs.metrics.text.PyText;
import ai.lumigator.jobs.metrics.wordnet.SynonymProvider;
import ai.lumigator.jobs.metrics.wordnet.WordNet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * METEOR as NLTK 3.8.1's {@code single_meteor_score(word_tokenize(reference),
 * word_tokenize(prediction))}, the way evaluate 0.4.3's {@code meteor} metric calls it (alpha 0.9,
 * beta 3, gamma 0.5).
 *
 * <p>Both sides are tokenized with {@link NltkWordTokenizer} and lower-cased per token. Words are
 * aligned in three greedy stages, each walking hypothesis positions from last to first and, for
 * each, reference positions from last to first, the first hit consuming both words: exact match;
 * Porter-stem match ({@link PorterStemmer}); WordNet synonym match ({@link SynonymProvider}). As in
 * NLTK, the words left after the stem stage are the <em>stemmed</em> forms, so the synonym stage
 * looks up stems. Matches sorted by hypothesis position form chunks (runs where both positions
 * increase by one). P = m/|hyp|, R = m/|ref|, Fmean = PR/(αP + (1-α)R), penalty = γ(chunks/m)^β,
 * score = (1 - penalty)·Fmean; 0 wherever Python would divide by zero (an empty side or no match).
 *
 * <p>The synonym stage reads WordNet 3.0 from the {@code net.sf.extjwnl:extjwnl-data-wn30} artifact
 * ({@link WordNet}); it is loaded on first use.
 */
public final class MeteorMetric implements Metric {

  public static final String NAME = "meteor";
  private static final List<String> KEYS = List.of("meteor");

  public static final double ALPHA = 0.9;
  public static final double BETA = 3.0;
  public static final double GAMMA = 0.5;

  private final SynonymProvider synonyms;
  private final NltkWordTokenizer tokenizer = NltkWordTokenizer.english();

  /** METEOR with WordNet 3.0 synonyms (loaded lazily on the first score). */
  public MeteorMetric() {
    this.synonyms = new LazyWordNet();
  }

  /** METEOR with another synonym source, e.g. {@link SynonymProvider#none()} (exact + stem). */
  public MeteorMetric(SynonymProvider synonyms) {
    this.synonyms = synonyms;
  }

  private static final class LazyWordNet implements SynonymProvider {
    private volatile SynonymProvider delegate;

    @Override
    public Set<String> synonyms(String word) {
      SynonymProvider d = delegate;
      if (d == null) {
        synchronized (this) {
          d = delegate;
          if (d == null) {
            d = WordNet.load().synonymProvider();
            delegate = d;
          }
        }
      }
      return d.synonyms(word);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> keys() {
    return KEYS;
  }

  @Override
  public Map<String, Double> score(String prediction, String reference) {
    return Map.of(
        "meteor", singleMeteorScore(tokenizer.tokenize(reference), tokenizer.tokenize(prediction)));
  }

  /** An enumerated word: position in its sentence and (preprocessed) text. */
  private record Enum(int index, String word) {}

  /** An alignment: hypothesis position and reference position. */
  record Match(int hyp, int ref) {}

  /**
   * NLTK's {@code single_meteor_score(reference, hypothesis)} on pre-tokenized input.
   *
   * @param reference reference tokens
   * @param hypothesis hypothesis tokens
   */
  public double singleMeteorScore(List<String> reference, List<String> hypothesis) {
    List<Enum> hyp = enumerate(hypothesis);
    List<Enum> ref = enumerate(reference);
    int translationLength = hyp.size();
    int referenceLength = ref.size();
    List<Match> matches = align(hyp, ref);
    int m = matches.size();
    if (translationLength == 0 || referenceLength == 0 || m == 0) {
      return 0.0;
    }
    double precision = (double) m / translationLength;
    double recall = (double) m / referenceLength;
    double fmean = (precision * recall) / (ALPHA * precision + (1 - ALPHA) * recall);
    double chunkCount = countChunks(matches);
    double fragFrac = chunkCount / m;
    double penalty = GAMMA * Math.pow(fragFrac, BETA);
    return (1 - penalty) * fmean;
  }

  private static List<Enum> enumerate(List<String> tokens) {
    List<Enum> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      out.add(new Enum(i, PyText.lower(tokens.get(i))));
    }
    return out;
  }

  /** {@code _enum_align_words}: exact, stem, synonym stages; matches sorted by hypothesis index. */
  List<Match> align(List<Enum> hyp, List<Enum> ref) {
    List<Match> matches = new ArrayList<>();
    matchEnums(hyp, ref, matches);

    PorterStemmer stemmer = PorterStemmer.instance();
    List<Enum> stemmedHyp = new ArrayList<>(hyp.size());
    for (Enum e : hyp) {
      stemmedHyp.add(new Enum(e.index, stemmer.stem(e.word)));
    }
    List<Enum> stemmedRef = new ArrayList<>(ref.size());
    for (Enum e : ref) {
      stemmedRef.add(new Enum(e.index, stemmer.stem(e.word)));
    }
    matchEnums(stemmedHyp, stemmedRef, matches);

    wordnetSynMatch(stemmedHyp, stemmedRef, matches);

    matches.sort(Comparator.comparingInt(Match::hyp));
    return matches;
  }

  /** {@code _match_enums}: removes matched words from both lists. */
  private static void matchEnums(List<Enum> hyp, List<Enum> ref, List<Match> out) {
    for (int i = hyp.size() - 1; i >= 0; i--) {
      for (int j = ref.size() - 1; j >= 0; j--) {
        if (hyp.get(i).word.equals(ref.get(j).word)) {
          out.add(new Match(hyp.get(i).index, ref.get(j).index));
          hyp.remove(i);
          ref.remove(j);
          break;
        }
      }
    }
  }

  /** {@code _enum_wordnetsyn_match}. */
  private void wordnetSynMatch(List<Enum> hyp, List<Enum> ref, List<Match> out) {
    for (int i = hyp.size() - 1; i >= 0; i--) {
      if (ref.isEmpty()) {
        // Python still computes the synonyms but cannot match anything; skip the lookup.
        break;
      }
      Set<String> syns = synonyms.synonyms(hyp.get(i).word);
      for (int j = ref.size() - 1; j >= 0; j--) {
        if (syns.contains(ref.get(j).word) || ref.get(j).word.equals(hyp.get(i).word)) {
          out.add(new Match(hyp.get(i).index, ref.get(j).index));
          hyp.remove(i);
          ref.remove(j);
          break;
        }
      }
    }
  }

  /** {@code _count_chunks}. */
  static int countChunks(List<Match> matches) {
    int i = 0;
    int chunks = 1;
    while (i < matches.size() - 1) {
      if (matches.get(i + 1).hyp == matches.get(i).hyp + 1
          && matches.get(i + 1).ref == matches.get(i).ref + 1) {
        i++;
        continue;
      }
      i++;
      chunks++;
    }
    return chunks;
  }
}
