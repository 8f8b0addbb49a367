package ai.lumigator.jobs.metrics.wordnet;

import java.util.Set;

/**
 * The synonym source of METEOR's third alignment stage.
 *
 * <p>{@link #synonyms(String)} returns the words a hypothesis word may be aligned with: NLTK's
 * {@code set(lemma.name() for synset in wordnet.synsets(word) for lemma in synset.lemmas() if "_"
 * not in lemma.name()) | {word}}.
 */
@FunctionalInterface
public interface SynonymProvider {

  /** Synonyms of {@code word}, always including {@code word} itself. */
  Set<String> synonyms(String word);

  /** A provider without a thesaurus: every word is only its own synonym. */
  static SynonymProvider none() {
    return Set::of;
  }
}
