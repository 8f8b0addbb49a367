package ai.lumigator.jobs.dataset;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 CSV reader: comma-separated, fields optionally enclosed in double quotes,
 * {@code ""} an escaped quote inside a quoted field, quoted fields may span lines. It reads one
 * record at a time and never holds more than the current record.
 *
 * <p>Leniencies (as Python's {@code csv} module in its default mode): records end at CRLF, LF or a
 * lone CR outside quotes; a quote inside an unquoted field is kept literally; characters after a
 * closing quote are appended to the field; blank lines are skipped; a UTF-8 byte-order mark at the
 * start is dropped. Errors ({@link CsvSyntaxException}): a quoted field still open at end of input,
 * and bytes that are not UTF-8 (when reading from a stream). Optional {@link CsvLimits} bound the
 * size of one record ({@link CsvLimitException}) and may forbid NUL characters.
 */
public final class CsvReader implements Closeable {
  private final Reader in;
  private final CsvLimits limits;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;
  private long line = 1;
  private long records;
  private boolean started;
  private long recordChars;

  public CsvReader(Reader in) {
    this(in, CsvLimits.NONE);
  }

  public CsvReader(Reader in, CsvLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  /** Reads UTF-8 strictly from a stream (malformed bytes are an error, not U+FFFD). */
  public static CsvReader utf8(InputStream in) {
    return utf8(in, CsvLimits.NONE);
  }

  /** As {@link #utf8(InputStream)}, within {@code limits}. */
  public static CsvReader utf8(InputStream in, CsvLimits limits) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new CsvReader(new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024), limits);
  }

  /** Number of records returned so far (the header counts as one). */
  public long recordsRead() {
    return records;
  }

  /** The next record's fields, or empty at the end of input. */
  public Optional<List<String>> next() {
    try {
      return Optional.ofNullable(readRecord());
    } catch (CharacterCodingException e) {
      throw new CsvSyntaxException("not UTF-8 text near line " + line, e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read CSV near line " + line + ": " + e.getMessage(), e);
    }
  }

  private int read() throws IOException {
    if (pos == len) {
      if (eof) {
        return -1;
      }
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        eof = true;
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    int c = read();
    if (c != -1) {
      pos--;
    }
    return c;
  }

  private List<String> readRecord() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
      }
    }
    int c;
    while (true) {
      c = read();
      if (c == -1) {
        return null;
      }
      if (c == '\n') {
        line++; // blank line
      } else if (c == '\r') {
        if (peek() == '\n') {
          read();
        }
        line++;
      } else {
        break;
      }
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean atFieldStart = true;
    recordChars = 0;
    while (true) {
      if (c == '"' && atFieldStart) {
        readQuoted(field, line);
        atFieldStart = false;
        c = read(); // anything up to the next delimiter is appended literally
        continue;
      }
      if (c == ',') {
        addField(fields, field);
        atFieldStart = true;
        c = read();
        continue;
      }
      if (c == -1 || c == '\n' || c == '\r') {
        addField(fields, field);
        if (c == '\r' && peek() == '\n') {
          read();
        }
        if (c != -1) {
          line++;
        }
        records++;
        return fields;
      }
      append(field, c);
      atFieldStart = false;
      appendPlainRun(field);
      c = read();
    }
  }

  /**
   * Fast path of an unquoted field: appends the ordinary characters that follow in the buffer at
   * once, up to a delimiter or line end (or a NUL, which the one-character path reports).
   */
  private void appendPlainRun(StringBuilder field) {
    boolean stopAtNul = !limits.nulAllowed();
    int i = pos;
    while (i < len) {
      char ch = buf[i];
      if (ch == ',' || ch == '\n' || ch == '\r' || (ch == 0 && stopAtNul)) {
        break;
      }
      i++;
    }
    appendRange(field, i);
  }

  private void readQuoted(StringBuilder field, long startLine) throws IOException {
    boolean stopAtNul = !limits.nulAllowed();
    while (true) {
      // fast path: the run of characters before the next quote in the buffer, counting lines as
      // the one-character path below does (a CR at the buffer's end is left to that path)
      int i = pos;
      while (i < len) {
        char ch = buf[i];
        if (ch == '"' || (ch == 0 && stopAtNul) || (ch == '\r' && i + 1 == len)) {
          break;
        }
        if (ch == '\n' || (ch == '\r' && buf[i + 1] != '\n')) {
          line++;
        }
        i++;
      }
      appendRange(field, i);
      int c = read();
      if (c == -1) {
        throw new CsvSyntaxException(
            "unexpected end of input inside a quoted field that starts on line " + startLine);
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          append(field, '"');
          continue;
        }
        return;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        if (peek() != '\n') {
          line++;
        }
      }
      append(field, c);
    }
  }

  /** Appends {@code buf[pos..end)} and moves past it, within the limits. */
  private void appendRange(StringBuilder field, int end) {
    int n = end - pos;
    if (n == 0) {
      return;
    }
    if (field.length() + n > limits.maxFieldChars()) {
      throw new CsvLimitException(
          "a cell is longer than " + limits.maxFieldChars() + " characters (line " + line + ")");
    }
    recordChars += n;
    if (recordChars > limits.maxRecordChars()) {
      throw new CsvLimitException(
          "a record is longer than " + limits.maxRecordChars() + " characters (line " + line + ")");
    }
    field.append(buf, pos, n);
    pos = end;
  }

  private void append(StringBuilder field, int c) {
    if (c == 0 && !limits.nulAllowed()) {
      throw new CsvSyntaxException("a NUL character on line " + line + " (binary data?)");
    }
    if (field.length() >= limits.maxFieldChars()) {
      throw new CsvLimitException(
          "a cell is longer than " + limits.maxFieldChars() + " characters (line " + line + ")");
    }
    if (++recordChars > limits.maxRecordChars()) {
      throw new CsvLimitException(
          "a record is longer than " + limits.maxRecordChars() + " characters (line " + line + ")");
    }
    field.append((char) c);
  }

  private void addField(List<String> fields, StringBuilder field) {
    if (fields.size() >= limits.maxFields()) {
      throw new CsvLimitException(
          "a record has more than " + limits.maxFields() + " cells (line " + line + ")");
    }
    fields.add(field.toString());
    field.setLength(0);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
