package ai.lumigator.activities.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a dataset's rows as the table of a Hugging Face {@code datasets} folder: an Arrow IPC
 * stream of nullable UTF-8 columns ({@code string}) whose schema carries the {@code huggingface}
 * features metadata. An empty cell is null, read back as {@code None}, as {@code
 * load_dataset("csv")} reads one. Rows go out in record batches of at most {@value #BATCH_ROWS}
 * rows or {@value #BATCH_BYTES} bytes of cell text (the batch that crosses it ends there), held off
 * the heap, so memory stays bounded whatever the dataset's length.
 */
public final class ArrowTableWriter implements DatasetScan.RowSink, AutoCloseable {
  /** {@code datasets}' own batch size when it writes a table ({@code DEFAULT_MAX_BATCH_SIZE}). */
  static final int BATCH_ROWS = 1000;

  static final int BATCH_BYTES = 1 << 20;

  /** Far above one batch plus one record of {@link DatasetScan#LIMITS}' largest. */
  private static final long MEMORY_LIMIT = 256L << 20;

  /** Allocates with arrow-memory-unsafe, the one allocation manager on the classpath. */
  private static final BufferAllocator ROOT = new RootAllocator();

  private final WritableByteChannel out;
  private BufferAllocator allocator;
  private VectorSchemaRoot root;
  private ArrowStreamWriter writer;
  private final List<VarCharVector> vectors = new ArrayList<>();
  private int batchRows;
  private long batchBytes;
  private long rows;
  private long tableBytes;
  private int batches;

  /** Writes to {@code out}, which it owns from here on (closed by {@link #close()}). */
  public ArrowTableWriter(WritableByteChannel out) {
    this.out = out;
  }

  /** What was written. {@code tableBytes}: pyarrow's {@code Table.nbytes} of the table. */
  public record Written(long rows, long tableBytes, int batches) {}

  @Override
  public void header(List<String> columns) {
    List<Field> fields = new ArrayList<>(columns.size());
    for (String column : columns) {
      fields.add(Field.nullable(column, ArrowType.Utf8.INSTANCE));
    }
    Schema schema =
        new Schema(fields, Map.of("huggingface", HfDatasetFiles.schemaMetadata(columns)));
    allocator = ROOT.newChildAllocator("dataset-table", 0, MEMORY_LIMIT);
    root = VectorSchemaRoot.create(schema, allocator);
    for (FieldVector vector : root.getFieldVectors()) {
      vectors.add((VarCharVector) vector);
    }
    writer = new ArrowStreamWriter(root, null, out);
    try {
      writer.start();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void row(List<String> cells) {
    for (int i = 0; i < vectors.size(); i++) {
      String cell = cells.get(i);
      if (cell.isEmpty()) {
        vectors.get(i).setNull(batchRows);
      } else {
        byte[] utf8 = cell.getBytes(StandardCharsets.UTF_8);
        vectors.get(i).setSafe(batchRows, utf8);
        batchBytes += utf8.length;
      }
    }
    batchRows++;
    rows++;
    if (batchRows >= BATCH_ROWS || batchBytes >= BATCH_BYTES) {
      flush();
    }
  }

  /** Writes the last batch and the end of the stream; the channel stays open until close. */
  public Written finish() {
    if (writer == null) {
      throw new IllegalStateException("no header was written");
    }
    flush();
    try {
      writer.end();
    } catch (IOException e) {
      throw failure(e);
    }
    return new Written(rows, tableBytes, batches);
  }

  private void flush() {
    if (batchRows == 0) {
      return;
    }
    root.setRowCount(batchRows);
    tableBytes += batchBytes;
    for (VarCharVector vector : vectors) {
      // pyarrow counts per column: a validity bitmap when there are nulls, one int32 offset per row
      // and the text
      tableBytes += 4L * batchRows + (vector.getNullCount() > 0 ? (batchRows + 7) / 8 : 0);
    }
    try {
      writer.writeBatch();
    } catch (IOException e) {
      throw failure(e);
    }
    for (VarCharVector vector : vectors) {
      vector.reset();
    }
    batches++;
    batchRows = 0;
    batchBytes = 0;
  }

  private static UncheckedIOException failure(IOException e) {
    return new UncheckedIOException("writing the Arrow table failed: " + e.getMessage(), e);
  }

  /** Releases the memory and closes the channel. */
  @Override
  public void close() {
    try {
      if (writer != null) {
        writer.close(); // closes the channel too
      } else {
        out.close();
      }
    } catch (IOException e) {
      throw failure(e);
    } finally {
      if (root != null) root.close();
      if (allocator != null) allocator.close();
    }
  }
}
