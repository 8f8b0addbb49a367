package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineModelClientTest {

  @Test
  void lead3OnDialogueTakesTheFirstThreeTurns() {
    String dialogue =
        "#Person1#: Hello, how are you doing today?\n"
            + "#Person2#: I ' Ve been having trouble breathing lately.\n"
            + "#Person1#: Have you had any type of cold lately?\n"
            + "#Person2#: No, I haven ' t had a cold.";
    Completion c = BaselineModelClient.create("lead-3").complete(dialogue);
    assertThat(c.text())
        .isEqualTo(
            "#Person1#: Hello, how are you doing today?\n"
                + "#Person2#: I ' Ve been having trouble breathing lately.\n"
                + "#Person1#: Have you had any type of cold lately?");
    assertThat(c.usage()).isNull();
  }

  @Test
  void sentencesInsideATurnAreSplit() {
    String dialogue = "#Person1#: Hi. Mr. Smith is here! Is he early?\n#Person2#: Yes.";
    assertThat(SentenceSplitter.split(dialogue))
        .containsExactly("#Person1#: Hi.", "Mr. Smith is here!", "Is he early?", "#Person2#: Yes.");
    assertThat(BaselineModelClient.create("lead-3").complete(dialogue).text())
        .isEqualTo("#Person1#: Hi.\nMr. Smith is here!\nIs he early?");
  }

  @Test
  void proseRules() {
    assertThat(
            SentenceSplitter.split(
                "It costs 3.5 dollars, e.g. for J. Smith. Then \"we go.\" And... done?! ok"))
        .containsExactly(
            "It costs 3.5 dollars, e.g. for J. Smith.", "Then \"we go.\"", "And... done?!", "ok");
    assertThat(SentenceSplitter.split("no capital. after this"))
        .containsExactly("no capital. after this");
    assertThat(SentenceSplitter.split("  \n\n  ")).isEmpty();
    assertThat(SentenceSplitter.split(null)).isEmpty();
  }

  @Test
  void fewerSentencesThanAsked() {
    assertThat(BaselineModelClient.create("lead-3").complete("Only one.").text())
        .isEqualTo("Only one.");
    assertThat(BaselineModelClient.create("lead-3").complete("").text()).isEmpty();
  }

  @Test
  void lead1AndFirstLine() {
    String text = "\n  First line here. Second sentence.\nNext line.";
    assertThat(BaselineModelClient.create("lead-1").complete(text).text())
        .isEqualTo("First line here.");
    assertThat(BaselineModelClient.create("first-line").complete(text).text())
        .isEqualTo("First line here. Second sentence.");
    assertThat(BaselineModelClient.create("LEAD-2").model()).isEqualTo("lead-2");
  }

  @Test
  void unknownModel() {
    for (String m : List.of("lead-0", "lead-21", "gpt-4o", "")) {
      assertThatThrownBy(() -> BaselineModelClient.create(m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("supported: lead-1 .. lead-20");
    }
  }
}
