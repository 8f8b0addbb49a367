package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.dataset.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalCsvWriterTest {

  static byte[] write(List<List<String>> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CanonicalCsvWriter writer = new CanonicalCsvWriter(out);
    records.forEach(writer::write);
    writer.finish();
    return out.toByteArray();
  }

  static List<List<String>> read(byte[] csv) {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = CsvReader.utf8(new ByteArrayInputStream(csv))) {
      Optional<List<String>> rec;
      while ((rec = r.next()).isPresent()) {
        out.add(rec.get());
      }
    }
    return out;
  }

  @Test
  void rfc4180WithCrlfAndMinimalQuoting() {
    byte[] csv =
        write(List.of(List.of("examples", "ground_truth"), List.of("a, b", "say \"hi\"\r\nbye")));
    assertThat(new String(csv, StandardCharsets.UTF_8))
        .isEqualTo("examples,ground_truth\r\n\"a, b\",\"say \"\"hi\"\"\r\nbye\"\r\n");
  }

  @Test
  void trickyValuesRoundTripThroughTheReader() {
    List<List<String>> records =
        List.of(
            List.of("examples"),
            List.of(""),
            List.of("  spaces  "),
            List.of("\"quoted\""),
            List.of("ünïcode ✓ 🐊"),
            List.of("line\nbreak\r\nand\rcr"),
            List.of("\uFEFFnot a bom here"));
    assertThat(read(write(records))).isEqualTo(records);
  }

  @Test
  void noByteOrderMark() {
    byte[] csv = write(List.of(List.of("examples"), List.of("x")));
    assertThat(csv[0]).isEqualTo((byte) 'e');
  }
}
