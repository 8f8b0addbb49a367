package ai.lumigator.jobs.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NltkWordTokenizerTest {

  private final NltkWordTokenizer tok = NltkWordTokenizer.english();

  @Test
  void nltkDocExample() {
    String s = "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.";
    assertThat(tok.tokenize(s))
        .containsExactly(
            "Good", "muffins", "cost", "$", "3.88", "in", "New", "York", ".", "Please", "buy", "me",
            "two", "of", "them", ".", "Thanks", ".");
    // without the sentence split, inner periods stay attached
    assertThat(NltkWordTokenizer.tokenizeSentence(s))
        .containsExactly(
            "Good", "muffins", "cost", "$", "3.88", "in", "New", "York.", "Please", "buy", "me",
            "two", "of", "them.", "Thanks", ".");
  }

  @Test
  void abbreviationsQuotesAndClitics() {
    String s =
        "Mr. Smith went to Washington. He didn't \"like\" it... at all! (Really.) U.S. troops";
    assertThat(tok.tokenize(s))
        .containsExactly(
            "Mr.",
            "Smith",
            "went",
            "to",
            "Washington",
            ".",
            "He",
            "did",
            "n't",
            "``",
            "like",
            "''",
            "it",
            "...",
            "at",
            "all",
            "!",
            "(",
            "Really",
            ".",
            ")",
            "U.S.",
            "troops");
  }

  @Test
  void contractions() {
    String s = "They'll save and invest more. I cannot do it; 'tis fine --said O'Neil.";
    assertThat(tok.tokenize(s))
        .containsExactly(
            "They", "'ll", "save", "and", "invest", "more", ".", "I", "can", "not", "do", "it", ";",
            "'t", "is", "fine", "--", "said", "O'Neil", ".");
  }

  @Test
  void unicodeQuotes() {
    assertThat(tok.tokenize("«Bonjour», dit-il. “Yes”, ‘no’"))
        .containsExactly(
            "«", "Bonjour", "»", ",", "dit-il", ".", "“", "Yes", "”", ",", "‘", "no", "’");
  }

  @Test
  void emptyAndBlank() {
    assertThat(tok.tokenize("")).isEmpty();
    assertThat(tok.tokenize(" \n\t ")).isEmpty();
  }

  @Test
  void sentenceSplit() {
    PunktSentenceTokenizer punkt = PunktSentenceTokenizer.english();
    assertThat(
            punkt.tokenize(
                "Mr. Smith went to Washington. He didn't \"like\" it... at all! (Really.) U.S. troops"))
        .containsExactly(
            "Mr. Smith went to Washington.",
            "He didn't \"like\" it... at all!",
            "(Really.)",
            "U.S. troops");
    assertThat(
            punkt.tokenize(
                "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks."))
        .containsExactly(
            "Good muffins cost $3.88\nin New York.", "Please buy me\ntwo of them.", "Thanks.");
    assertThat(punkt.tokenize("")).isEmpty();
    assertThat(punkt.tokenize("   ")).isEmpty();
  }

  @Test
  void pythonWordBoundaryAroundSupplementaryLetters() {
    // U+1D400 is a letter: no word boundary between it and "a", so the quote stays attached
    assertThat(NltkWordTokenizer.tokenizeSentence("'\uD835\uDC00a"))
        .containsExactly("'\uD835\uDC00a");
    assertThat(NltkWordTokenizer.tokenizeSentence("{'\uD835\uDC00 O"))
        .containsExactly("{", "'", "\uD835\uDC00", "O");
  }

  @Test
  void skippingRegexesThatCannotMatchChangesNothing() {
    List<String> edge =
        List.of(
            "",
            "cannot",
            "CanNot gimme GONNA gotta lemme more'n wanna d'ye 'tis 'twas",
            "\u212Aannot", // Kelvin sign: matches 'c'? no, but 'k' case-insensitively
            "ca\u212Anot",
            "gon\u212Aa",
            "\u017Fo 'tis \u0130t", // long s, dotted I
            "He said \"I can't\" -- 'Hi' ... (ok) [x] {y} <z> a*b ;@#$%& ? !",
            "« Bonjour » “quoted” ‘single’ „low“ ``tick'' ",
            "x.",
            "x .",
            "3:4, 5:x",
            "end:",
            "word' s");
    for (String s : edge) {
      assertThat(NltkWordTokenizer.tokenizeSentence(s))
          .as(s)
          .isEqualTo(NltkWordTokenizer.tokenizeSentence(s, false));
    }
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      String s = RandomTexts.text(random, 25);
      assertThat(NltkWordTokenizer.tokenizeSentence(s))
          .as(s)
          .isEqualTo(NltkWordTokenizer.tokenizeSentence(s, false));
    }
  }
}
