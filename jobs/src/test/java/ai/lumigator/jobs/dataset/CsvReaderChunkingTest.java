package ai.lumigator.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reader's fast paths (runs of ordinary characters appended at once) agree with a plain
 * one-character-at-a-time reading of the same rules, whatever the chunks the underlying reader
 * hands out: random CSV text with quotes, escaped quotes, commas, CR, LF and CRLF, read through a
 * reader that returns 1 to 7 characters per call.
 */
class CsvReaderChunkingTest {
  private static final String ALPHABET = "ab ,\"\r\n\u00e9x\"\"";

  @Test
  void randomTextReadsTheSameInAnyChunking() {
    Random random = new Random(11);
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String csv = text.toString();
      String expected = reference(csv);
      String actual = read(new ChunkedReader(csv, random));
      assertThat(actual)
          .as("input %s", csv.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(expected);
      assertThat(read(new StringReader(csv))).isEqualTo(expected);
    }
  }

  /** The records, or the error message, as one string. */
  private static String read(Reader in) {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(in)) {
      Optional<List<String>> rec;
      while ((rec = r.next()).isPresent()) {
        out.add(rec.get());
      }
      return out.toString();
    } catch (CsvFormatException e) {
      return out + " error: " + e.getMessage();
    }
  }

  /** The rules of CsvReader, one character at a time, written plainly. */
  private static String reference(String s) {
    List<List<String>> out = new ArrayList<>();
    int i = 0;
    long line = 1;
    int n = s.length();
    while (true) {
      while (i < n && (s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
        if (s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
        i++;
        line++;
      }
      if (i >= n) return out.toString();
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean atStart = true;
      while (true) {
        char c = i < n ? s.charAt(i) : 0;
        boolean end = i >= n;
        if (!end && c == '"' && atStart) {
          long startLine = line;
          i++;
          while (true) {
            if (i >= n) {
              return out
                  + " error: unexpected end of input inside a quoted field that starts on line "
                  + startLine;
            }
            char q = s.charAt(i++);
            if (q == '"') {
              if (i < n && s.charAt(i) == '"') {
                field.append('"');
                i++;
                continue;
              }
              break;
            }
            if (q == '\n' || (q == '\r' && !(i < n && s.charAt(i) == '\n'))) line++;
            field.append(q);
          }
          atStart = false;
          continue;
        }
        if (!end && c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          atStart = true;
          i++;
          continue;
        }
        if (end || c == '\n' || c == '\r') {
          fields.add(field.toString());
          if (!end) {
            i++;
            if (c == '\r' && i < n && s.charAt(i) == '\n') i++;
            line++;
          }
          out.add(fields);
          break;
        }
        field.append(c);
        atStart = false;
        i++;
      }
    }
  }

  /** Hands out 1 to 7 characters per read. */
  private static final class ChunkedReader extends Reader {
    private final String text;
    private final Random random;
    private int pos;

    ChunkedReader(String text, Random random) {
      this.text = text;
      this.random = random;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= text.length()) return -1;
      int n = Math.min(Math.min(len, 1 + random.nextInt(7)), text.length() - pos);
      text.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
