package ai.lumigator.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.testing.SampleData;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReaderTest {

  static List<List<String>> parse(String text) {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text))) {
      Optional<List<String>> rec;
      while ((rec = r.next()).isPresent()) {
        out.add(rec.get());
      }
    }
    return out;
  }

  @Test
  void plainQuotedAndEscaped() {
    assertThat(parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n"))
        .containsExactly(List.of("a", "b", "c"), List.of("1", "x, y", "say \"hi\""));
  }

  @Test
  void multiLineCellsAndLineEndings() {
    assertThat(parse("h1,h2\r\n\"line1\r\nline2\nline3\",z\r\nlast,\"\"\r\n"))
        .containsExactly(
            List.of("h1", "h2"), List.of("line1\r\nline2\nline3", "z"), List.of("last", ""));
    assertThat(parse("a\rb\r")).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void emptyFieldsBlankLinesAndNoFinalNewline() {
    assertThat(parse("a,,c\n\n\n,\nx"))
        .containsExactly(List.of("a", "", "c"), List.of("", ""), List.of("x"));
    assertThat(parse("")).isEmpty();
    assertThat(parse("\"\"")).containsExactly(List.of(""));
  }

  @Test
  void lenientQuotesLikePython() {
    // quote inside an unquoted field is literal; text after a closing quote is appended
    assertThat(parse("ab\"c,\"q\"x,d\n")).containsExactly(List.of("ab\"c", "qx", "d"));
  }

  @Test
  void bomIsDropped() {
    byte[] bytes = "\uFEFFexamples,ground_truth\nx,y\n".getBytes(StandardCharsets.UTF_8);
    try (DatasetReader r = DatasetReader.open(new ByteArrayInputStream(bytes))) {
      assertThat(r.columns()).containsExactly("examples", "ground_truth");
      assertThat(r.next().orElseThrow().get("examples")).isEqualTo("x");
    }
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> parse("a,b\n\"open,\nstill open"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageContaining("starts on line 2");
  }

  @Test
  void invalidUtf8IsAnError() {
    byte[] bytes = {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
    try (CsvReader r = CsvReader.utf8(new ByteArrayInputStream(bytes))) {
      assertThatThrownBy(
              () -> {
                while (r.next().isPresent()) {
                  // drain
                }
              })
          .isInstanceOf(CsvFormatException.class)
          .hasMessageContaining("not UTF-8");
    }
  }

  @Test
  void readsAcrossBufferBoundaries() {
    String big = "x".repeat(200_000) + "\n" + "y".repeat(70_000);
    String csv = "examples\n\"" + big + "\"\nshort\n";
    assertThat(parse(csv)).containsExactly(List.of("examples"), List.of(big), List.of("short"));
  }

  @Test
  void datasetRowsShortAndLong() {
    byte[] bytes = "a,b,c\n1,2\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8);
    try (DatasetReader r = DatasetReader.open(new ByteArrayInputStream(bytes))) {
      DatasetReader.Row row = r.next().orElseThrow();
      assertThat(row.get("c")).isNull();
      assertThat(row.getOrEmpty("c")).isEmpty();
      assertThat(row.get("nope")).isNull();
      assertThatThrownBy(r::next).hasMessageContaining("data row 2 has 4 cells");
    }
    assertThatThrownBy(() -> DatasetReader.open(new ByteArrayInputStream("a,a\n".getBytes())))
        .hasMessageContaining("duplicate column 'a'");
    assertThatThrownBy(() -> DatasetReader.open(new ByteArrayInputStream(new byte[0])))
        .hasMessageContaining("empty");
  }

  /** file, data rows, columns, whether some cell spans lines (per sample-data/README.md). */
  static Stream<Arguments> sampleFiles() {
    return Stream.of(
        Arguments.of("dialogsum_500.csv", 500, List.of("examples", "ground_truth")),
        Arguments.of("dialogsum_exc.csv", 5, List.of("examples", "ground_truth")),
        Arguments.of("dialogsum_mini_no_gt.csv", 5, List.of("examples")),
        Arguments.of("dialogsum_mini_empty_gt.csv", 5, List.of("examples", "ground_truth")),
        Arguments.of(
            "dialogsum_mini_all_gt_is_whitespace.csv", 2, List.of("examples", "ground_truth")),
        Arguments.of(
            "dialogsum_mini_some_missing_some_whitespace_gt.csv",
            2,
            List.of("examples", "ground_truth")),
        Arguments.of("mock_long_sequences_no_gt.csv", 2, List.of("examples")),
        Arguments.of(
            "predictions_gibberish.csv", 5, List.of("predictions", "examples", "ground_truth")),
        Arguments.of("sample_translation_en_de.csv", 5, List.of("examples", "ground_truth")),
        Arguments.of("sample_translation_en_es.csv", 5, List.of("examples", "ground_truth")));
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void readsEverySampleDataset(String file, int rows, List<String> columns) throws Exception {
    try (DatasetReader r = DatasetReader.open(Files.newInputStream(SampleData.file(file)))) {
      assertThat(r.columns()).containsExactlyElementsOf(columns);
      int n = 0;
      boolean multiLine = false;
      Optional<DatasetReader.Row> row;
      while ((row = r.next()).isPresent()) {
        n++;
        String ex = row.get().get("examples");
        assertThat(ex).isNotNull();
        multiLine |= ex.contains("\n");
      }
      assertThat(n).isEqualTo(rows);
      if (file.startsWith("dialogsum")) {
        assertThat(multiLine).as("dialogues span lines").isTrue();
      }
    }
  }

  @Test
  void sampleDataFolderHoldsOnlyTheKnownCsvFiles() throws Exception {
    List<String> known = sampleFiles().map(a -> (String) a.get()[0]).toList();
    try (Stream<java.nio.file.Path> files = Files.list(SampleData.dir())) {
      assertThat(
              files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".csv")).toList())
          .containsExactlyInAnyOrderElementsOf(known);
    }
  }

  @Test
  void dialogsumFirstRowContent() throws Exception {
    try (DatasetReader r =
        DatasetReader.open(Files.newInputStream(SampleData.file("dialogsum_exc.csv")))) {
      DatasetReader.Row first = r.next().orElseThrow();
      assertThat(first.get("examples"))
          .startsWith("#Person1#: Hello, how are you doing today?\n#Person2#: I ' Ve been")
          .endsWith("#Person2#: Thank you for your help, doctor.");
      assertThat(first.get("ground_truth"))
          .isEqualTo(
              "#Person2# has trouble breathing. The doctor asks #Person2# about it and will send"
                  + " #Person2# to a pulmonary specialist.");
    }
  }

  @Test
  void sampleLimits() {
    assertThat(SampleLimit.inference(-1, 10)).isEqualTo(10);
    assertThat(SampleLimit.inference(0, 10)).isEqualTo(10);
    assertThat(SampleLimit.inference(3, 10)).isEqualTo(3);
    assertThat(SampleLimit.inference(30, 10)).isEqualTo(10);
    assertThat(SampleLimit.evaluator(-1, 10)).isEqualTo(10);
    assertThat(SampleLimit.evaluator(0, 10)).isEqualTo(10);
    assertThat(SampleLimit.evaluator(1, 10)).isEqualTo(1);
    assertThat(SampleLimit.evaluator(10, 10)).isEqualTo(10);
    assertThat(SampleLimit.evaluator(11, 10)).isEqualTo(10);
    assertThat(SampleLimit.rowsToRead(-1)).isEqualTo(Long.MAX_VALUE);
    assertThat(SampleLimit.rowsToRead(0)).isEqualTo(Long.MAX_VALUE);
    assertThat(SampleLimit.rowsToRead(7)).isEqualTo(7);
  }
}
