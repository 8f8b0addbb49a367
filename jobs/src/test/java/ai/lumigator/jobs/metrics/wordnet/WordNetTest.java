package ai.lumigator.jobs.metrics.wordnet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.metrics.wordnet.WordNet.Pos;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WordNetTest {

  private final WordNet wn = WordNet.load();

  @Test
  void dataComesFromTheClassPath() {
    assertThat(WordNet.isAvailable()).isTrue();
  }

  @Test
  void morphyAsNltk() {
    assertThat(wn.morphy("dogs", Pos.NOUN)).containsExactly("dog");
    assertThat(wn.morphy("better", Pos.ADJ)).containsExactly("better", "good", "well");
    assertThat(wn.morphy("churches", Pos.NOUN)).containsExactly("church");
    assertThat(wn.morphy("running", Pos.VERB)).containsExactly("run");
    assertThat(wn.morphy("went", Pos.VERB)).containsExactly("go");
    assertThat(wn.morphy("abaci", Pos.NOUN)).containsExactly("abacus");
    assertThat(wn.morphy("women", Pos.NOUN)).containsExactly("woman");
    assertThat(wn.morphy("denied", Pos.VERB)).containsExactly("deny");
    assertThat(wn.morphy("xyzzy", Pos.NOUN)).isEmpty();
  }

  @Test
  void meteorSynonymsAsNltk() {
    assertThat(new TreeSet<>(wn.meteorSynonyms("command")))
        .containsExactly(
            "bid",
            "bidding",
            "command",
            "control",
            "dictation",
            "dominate",
            "instruction",
            "mastery",
            "overlook",
            "overtop",
            "require",
            "statement");
    assertThat(new TreeSet<>(wn.meteorSynonyms("always")))
        .containsExactly(
            "always",
            "constantly",
            "e'er",
            "ever",
            "forever",
            "incessantly",
            "invariably",
            "perpetually");
    assertThat(new TreeSet<>(wn.meteorSynonyms("happy")))
        .containsExactly("felicitous", "glad", "happy", "well-chosen");
    assertThat(wn.meteorSynonyms("obey")).containsExactly("obey");
    assertThat(wn.meteorSynonyms(".")).containsExactly(".");
    assertThat(wn.meteorSynonyms("")).containsExactly("");
  }

  @Test
  void cachedProvider() {
    SynonymProvider p = wn.synonymProvider();
    assertThat(p.synonyms("heed")).contains("heed", "listen", "mind", "regard", "attentiveness");
    assertThat(p.synonyms("heed")).isSameAs(p.synonyms("heed"));
  }
}
