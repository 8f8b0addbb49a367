package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.testing.SampleData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetScanTest {

  static DatasetSummary scan(String csv) {
    return scan(csv.getBytes(StandardCharsets.UTF_8));
  }

  static DatasetSummary scan(byte[] csv) {
    return DatasetScan.scan(new ByteArrayInputStream(csv), DatasetScan.RowSink.NONE);
  }

  /** Every sample file with the ground_truth flag its README states. */
  static Stream<Arguments> sampleFiles() {
    return Stream.of(
        Arguments.of("dialogsum_500.csv", 500, true),
        Arguments.of("dialogsum_exc.csv", 5, true),
        Arguments.of("dialogsum_mini_no_gt.csv", 5, false),
        Arguments.of("dialogsum_mini_empty_gt.csv", 5, false),
        Arguments.of("dialogsum_mini_all_gt_is_whitespace.csv", 2, false),
        Arguments.of("dialogsum_mini_some_missing_some_whitespace_gt.csv", 2, false),
        Arguments.of("mock_long_sequences_no_gt.csv", 2, false),
        Arguments.of("predictions_gibberish.csv", 5, true),
        Arguments.of("sample_translation_en_de.csv", 5, true),
        Arguments.of("sample_translation_en_es.csv", 5, true));
  }

  @ParameterizedTest
  @MethodSource("sampleFiles")
  void sampleFilesHaveTheirDocumentedGroundTruthFlag(String file, int rows, boolean groundTruth)
      throws Exception {
    try (InputStream in = Files.newInputStream(SampleData.dir().resolve(file))) {
      DatasetSummary summary = DatasetScan.scan(in, DatasetScan.RowSink.NONE);
      assertThat(summary.rows()).isEqualTo(rows);
      assertThat(summary.groundTruth()).isEqualTo(groundTruth);
      assertThat(summary.columns()).contains("examples");
    }
  }

  @Test
  void groundTruthNeedsANonBlankValueInEveryRow() {
    assertThat(scan("examples,ground_truth\na,x\nb,y\n").groundTruth()).isTrue();
    assertThat(scan("examples,ground_truth\na,x\nb, \t\n").groundTruth()).isFalse();
    assertThat(scan("examples,ground_truth\na,x\nb,\u00a0\u3000\n").groundTruth()).isFalse();
    assertThat(scan("examples,ground_truth\na,x\nb\n").groundTruth()).as("short row").isFalse();
    assertThat(scan("examples\na\n").groundTruth()).isFalse();
    assertThat(scan(" examples , ground_truth \na,x\n").columns())
        .containsExactly("examples", "ground_truth");
  }

  @Test
  void rowsReachTheSinkPaddedToTheHeader() {
    List<List<String>> seen = new ArrayList<>();
    DatasetScan.scan(
        new ByteArrayInputStream(
            "\uFEFFexamples,ground_truth,extra\n\"multi\nline\",g\nonly\n"
                .getBytes(StandardCharsets.UTF_8)),
        new DatasetScan.RowSink() {
          @Override
          public void header(List<String> columns) {
            seen.add(List.copyOf(columns));
          }

          @Override
          public void row(List<String> cells) {
            seen.add(List.copyOf(cells));
          }
        });
    assertThat(seen)
        .containsExactly(
            List.of("examples", "ground_truth", "extra"),
            List.of("multi\nline", "g", ""),
            List.of("only", "", ""));
  }

  @Test
  void rejectionsCarryTheClientsMessage() {
    assertRejected("ground_truth\nx\n", "Dataset is missing required fields: examples");
    assertRejected("examples,ground_truth\n", "Dataset is invalid: no rows");
    assertRejected("examples\n\n\n", "Dataset is invalid: no rows");
    assertRejected("", "Dataset is invalid: the CSV is empty (no header)");
    assertRejected(
        "examples,a,a\nx,1,2\n", "Dataset is invalid: duplicate column 'a' in the header");
    assertRejected(
        "examples,b\nx,1,2\n",
        "Dataset is invalid: data row 1 has 3 cells but the header has 2 columns");
    assertRejected(
        "examples\n\"never closed\n",
        "Dataset is invalid: not a CSV file (unexpected end of input inside a quoted field that"
            + " starts on line 2)");
  }

  @Test
  void bytesThatAreNotUtf8TextAreNotACsvFile() {
    byte[] latin1 = "examples\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> scan(latin1))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageStartingWith("Dataset is invalid: not a CSV file (not UTF-8 text");
    byte[] utf16 = "examples\nx\n".getBytes(StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> scan(utf16))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageStartingWith("Dataset is invalid: not a CSV file (a NUL character");
  }

  @Test
  void aHugeLineIsRejectedWithinTheLimits() {
    byte[] line = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(line, (byte) 'x');
    assertThatThrownBy(() -> scan(line))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessage("Dataset is invalid: a cell is longer than 1048576 characters (line 1)");
  }

  private static void assertRejected(String csv, String message) {
    assertThatThrownBy(() -> scan(csv))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessage(message);
  }
}
