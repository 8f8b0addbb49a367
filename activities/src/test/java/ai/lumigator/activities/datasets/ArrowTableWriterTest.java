package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** The Arrow stream read back with Arrow Java's own reader. */
class ArrowTableWriterTest {
  static final List<String> COLUMNS = List.of("examples", "ground_truth", "extra");

  /** A table read back: its schema's fields, metadata, rows (null for a null cell), batches. */
  record Table(List<Field> fields, String hfMetadata, List<List<String>> rows, int batches) {}

  static byte[] write(
      List<String> columns, List<List<String>> rows, ArrowTableWriter.Written[] out) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArrowTableWriter writer = new ArrowTableWriter(Channels.newChannel(bytes))) {
      writer.header(columns);
      rows.forEach(writer::row);
      out[0] = writer.finish();
    }
    return bytes.toByteArray();
  }

  static Table read(byte[] stream) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader =
            new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<List<String>> rows = new ArrayList<>();
      int batches = 0;
      while (reader.loadNextBatch()) {
        batches++;
        for (int r = 0; r < root.getRowCount(); r++) {
          List<String> row = new ArrayList<>();
          for (FieldVector vector : root.getFieldVectors()) {
            byte[] value = ((VarCharVector) vector).get(r);
            row.add(value == null ? null : new String(value, StandardCharsets.UTF_8));
          }
          rows.add(row);
        }
      }
      return new Table(
          root.getSchema().getFields(),
          root.getSchema().getCustomMetadata().get("huggingface"),
          rows,
          batches);
    }
  }

  @Test
  void cellsComeBackAsNullableStringsWithEmptyCellsNull() throws IOException {
    List<List<String>> rows =
        List.of(
            List.of("hello", "world", ""),
            List.of("multi\r\nline\n", "quote \"x\", comma", "é中文🐊"),
            List.of("", "", "z"),
            List.of(" ", "\t", "NA"));
    ArrowTableWriter.Written[] written = new ArrowTableWriter.Written[1];

    Table table = read(write(COLUMNS, rows, written));

    assertThat(table.fields())
        .extracting(Field::getName, Field::isNullable, Field::getType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("examples", true, ArrowType.Utf8.INSTANCE),
            org.assertj.core.groups.Tuple.tuple("ground_truth", true, ArrowType.Utf8.INSTANCE),
            org.assertj.core.groups.Tuple.tuple("extra", true, ArrowType.Utf8.INSTANCE));
    assertThat(table.rows())
        .containsExactly(
            Arrays.asList("hello", "world", null),
            List.of("multi\r\nline\n", "quote \"x\", comma", "é中文🐊"),
            Arrays.asList(null, null, "z"),
            List.of(" ", "\t", "NA"));
    assertThat(table.hfMetadata())
        .isEqualTo(
            "{\"info\": {\"features\": {\"examples\": {\"dtype\": \"string\", \"_type\": \"Value\"},"
                + " \"ground_truth\": {\"dtype\": \"string\", \"_type\": \"Value\"},"
                + " \"extra\": {\"dtype\": \"string\", \"_type\": \"Value\"}}}}");
    // pyarrow's Table.nbytes: per column a validity byte if it has nulls, 4 bytes of offset per
    // row,
    // the UTF-8 text
    long text =
        rows.stream()
            .flatMap(List::stream)
            .mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length)
            .sum();
    assertThat(written[0]).isEqualTo(new ArrowTableWriter.Written(4, text + 3 * 16 + 3, 1));
  }

  @Test
  void theSameTableAsDatasetsWroteForACraftedCsvCountsTheSameBytes() {
    // datasets 3.4.1 read examples,ground_truth,extra / hello,world, / "multi\nline","quote ""x""",
    // é中文🐊 / ,,z and recorded num_bytes 81 in dataset_info.json
    ArrowTableWriter.Written[] written = new ArrowTableWriter.Written[1];
    write(
        COLUMNS,
        List.of(
            List.of("hello", "world", ""),
            List.of("multi\nline", "quote \"x\"", "é中文🐊"),
            List.of("", "", "z")),
        written);
    assertThat(written[0].tableBytes()).isEqualTo(81);
  }

  @Test
  void manyRowsGoOutInBatchesBoundedByRowsAndBytes() throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      rows.add(List.of("example " + i, i % 7 == 0 ? "" : "truth " + i, "ü" + i));
    }
    String big = "x".repeat(ArrowTableWriter.BATCH_BYTES / 2 + 1);
    rows.add(List.of(big, "a", "b")); // 2501
    rows.add(List.of(big, "c", "d")); // crosses the byte bound: the batch ends here
    rows.add(List.of("last", "", ""));
    ArrowTableWriter.Written[] written = new ArrowTableWriter.Written[1];

    Table table = read(write(COLUMNS, rows, written));

    List<List<String>> expected = new ArrayList<>();
    for (List<String> row : rows) {
      expected.add(row.stream().map(c -> c.isEmpty() ? null : c).toList());
    }
    assertThat(table.rows()).isEqualTo(expected);
    // 1000 + 1000 rows by count, then 500 + the two big ones by bytes, then the last
    assertThat(table.batches()).isEqualTo(4);
    assertThat(written[0].batches()).isEqualTo(4);
    assertThat(written[0].rows()).isEqualTo(rows.size());
  }

  @Test
  void aSingleColumnOfOneEmptyCellIsOneNull() throws IOException {
    ArrowTableWriter.Written[] written = new ArrowTableWriter.Written[1];
    Table table = read(write(List.of("examples"), List.of(List.of("")), written));
    assertThat(table.rows()).containsExactly(Arrays.asList((String) null));
  }
}
