package ai.lumigator.jobs.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PorterStemmerTest {

  /** Values of NLTK 3.8.1 {@code PorterStemmer().stem(word)} (NLTK_EXTENSIONS mode). */
  private static final String EXPECTED =
      "caresses caress flies fli dies die mules mule denied deni died die agreed agre owned own "
          + "humbled humbl sized size meeting meet stating state siezing siez itemization item "
          + "sensational sensat traditional tradit reference refer colonizer colon plotted plot "
          + "dying die skies sky news news innings inning generously gener happily happili "
          + "probate probat conditional condit rational ration valenci valenc hesitanci hesit "
          + "digitizer digit conformabli conform radicalli radic differentli differ vileli vile "
          + "analogousli analog vietnamization vietnam predication predic operator oper "
          + "feudalism feudal decisiveness decis hopefulness hope callousness callous "
          + "formaliti formal sensitiviti sensit sensibiliti sensibl triplicate triplic "
          + "formative form formalize formal electriciti electr electrical electr hopeful hope "
          + "goodness good revival reviv allowance allow inference infer airliner airlin "
          + "gyroscopic gyroscop adjustable adjust defensible defens irritant irrit "
          + "replacement replac adjustment adjust dependent depend adoption adopt "
          + "homologou homolog communism commun activate activ angulariti angular "
          + "homologous homolog effective effect bowdlerize bowdler rate rate cease ceas "
          + "controll control roll roll ies i ied i tied tie cry cri by by sky sky fly fli "
          + "Running run RUNS run a a is is";

  @Test
  void matchesNltk() {
    String[] f = EXPECTED.split(" ");
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < f.length; i += 2) {
      expected.put(f[i], f[i + 1]);
    }
    PorterStemmer stemmer = PorterStemmer.instance();
    Map<String, String> actual = new LinkedHashMap<>();
    expected.keySet().forEach(w -> actual.put(w, stemmer.stem(w)));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void nonAsciiAndSupplementaryCharacters() {
    PorterStemmer stemmer = PorterStemmer.instance();
    // Python counts code points: a two-code-point word is returned (lower-cased) unchanged
    assertThat(stemmer.stem("\uD83D\uDE00s")).isEqualTo("\uD83D\uDE00s");
    assertThat(stemmer.stem("cafés")).isEqualTo("café");
    assertThat(stemmer.stem("")).isEmpty();
  }

  @Test
  void cachedStemsStayTheStemsWhenSlotsAreReused() {
    PorterStemmer stemmer = PorterStemmer.instance();
    String[] parts = {"run", "ning", "s", "ed", "ies", "ation", "al", "ful", "ness", "y", "e", "x"};
    Random random = new Random(3);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      StringBuilder w = new StringBuilder();
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        w.append(parts[random.nextInt(parts.length)]);
      }
      words.add(i % 7 == 0 ? w.toString().toUpperCase() : w.toString());
    }
    List<String> first = words.stream().map(stemmer::stem).toList();
    for (int i = words.size() - 1; i >= 0; i--) {
      assertThat(stemmer.stem(words.get(i))).as(words.get(i)).isEqualTo(first.get(i));
    }
    assertThat(stemmer.stem("running")).isEqualTo("run");
  }
}
