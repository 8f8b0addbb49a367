package ai.lumigator.activities.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the canonical form of a dataset: RFC 4180 (CRLF after every record, a field quoted only
 * when it holds a comma, a quote, CR or LF, quotes doubled inside), UTF-8 without a byte-order
 * mark. A record of one empty field is written as {@code ""}, so that readers do not take it for a
 * blank line (as Python's csv module does).
 */
public final class CanonicalCsvWriter implements DatasetScan.RowSink {
  private final Writer out;

  /** Writes to {@code out}; {@link #finish()} flushes, nothing here closes it. */
  public CanonicalCsvWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
  }

  @Override
  public void header(List<String> columns) {
    write(columns);
  }

  @Override
  public void row(List<String> cells) {
    write(cells);
  }

  public void write(List<String> fields) {
    try {
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        out.write("\"\"\r\n");
        return;
      }
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        writeField(fields.get(i));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException("writing the canonical CSV failed: " + e.getMessage(), e);
    }
  }

  private void writeField(String field) throws IOException {
    if (!needsQuotes(field)) {
      out.write(field);
      return;
    }
    out.write('"');
    int from = 0;
    for (int q = field.indexOf('"'); q >= 0; q = field.indexOf('"', from)) {
      out.write(field, from, q + 1 - from);
      out.write('"');
      from = q + 1;
    }
    out.write(field, from, field.length() - from);
    out.write('"');
  }

  private static boolean needsQuotes(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Writes out what is buffered. */
  public void finish() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the canonical CSV failed: " + e.getMessage(), e);
    }
  }
}
