package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetFilenamesTest {
  @Test
  void pathPartsAndControlCharactersAreRemoved() {
    assertThat(DatasetFilenames.sanitize("../../etc/passwd")).contains("passwd");
    assertThat(DatasetFilenames.sanitize("C:\\Users\\me\\data.csv")).contains("data.csv");
    assertThat(DatasetFilenames.sanitize("a/b\\c/d.csv")).contains("d.csv");
    assertThat(DatasetFilenames.sanitize("da\u0000ta\r\n\t.csv\u007f")).contains("data.csv");
    assertThat(DatasetFilenames.sanitize("  données ✓.csv ")).contains("données ✓.csv");
  }

  @Test
  void nothingUsableLeftIsEmpty() {
    assertThat(DatasetFilenames.sanitize(null)).isEmpty();
    assertThat(DatasetFilenames.sanitize("")).isEmpty();
    assertThat(DatasetFilenames.sanitize("dir/")).isEmpty();
    assertThat(DatasetFilenames.sanitize("..")).isEmpty();
    assertThat(DatasetFilenames.sanitize("a/.")).isEmpty();
    assertThat(DatasetFilenames.sanitize("\u0001\u0002")).isEmpty();
  }

  @Test
  void validNamesAreSanitisedOnesWithinTheLength() {
    assertThat(DatasetFilenames.isValid("data.csv")).isTrue();
    assertThat(DatasetFilenames.isValid("a/data.csv")).isFalse();
    assertThat(DatasetFilenames.isValid("..")).isFalse();
    assertThat(DatasetFilenames.isValid("x".repeat(255))).isTrue();
    assertThat(DatasetFilenames.isValid("é".repeat(128))).as("256 bytes").isFalse();
    assertThat(DatasetFilenames.sanitize("x".repeat(300))).isEqualTo(Optional.of("x".repeat(300)));
  }
}
