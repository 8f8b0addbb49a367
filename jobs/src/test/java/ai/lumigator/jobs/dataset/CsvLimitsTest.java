package ai.lumigator.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvLimitsTest {
  private static final CsvLimits SMALL = new CsvLimits(10, 25, 4, false);

  static List<List<String>> parse(String text, CsvLimits limits) {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text), limits)) {
      Optional<List<String>> rec;
      while ((rec = r.next()).isPresent()) {
        out.add(rec.get());
      }
    }
    return out;
  }

  @Test
  void recordsWithinTheLimitsRead() {
    assertThat(parse("abcdefghij,\"0123456789\",x,y\n", SMALL))
        .containsExactly(List.of("abcdefghij", "0123456789", "x", "y"));
  }

  @Test
  void aLongUnquotedCellIsRejectedAtTheLimit() {
    assertThatThrownBy(() -> parse("a\nabcdefghijk\n", SMALL))
        .isInstanceOf(CsvLimitException.class)
        .hasMessage("a cell is longer than 10 characters (line 2)");
  }

  @Test
  void aLongQuotedCellIsRejectedEvenWhenItSpansLines() {
    assertThatThrownBy(() -> parse("\"abc\ndefg\nhijk\"\n", SMALL))
        .isInstanceOf(CsvLimitException.class)
        .hasMessageStartingWith("a cell is longer than 10 characters");
  }

  @Test
  void tooManyCharactersInOneRecord() {
    assertThatThrownBy(() -> parse("aaaaaaaaaa,bbbbbbbbbb,cccccc\n", SMALL))
        .isInstanceOf(CsvLimitException.class)
        .hasMessage("a record is longer than 25 characters (line 1)");
  }

  @Test
  void tooManyCells() {
    assertThat(parse("a,b,c,d\n", SMALL)).hasSize(1);
    assertThatThrownBy(() -> parse("x\na,b,c,d,e\n", SMALL))
        .isInstanceOf(CsvLimitException.class)
        .hasMessage("a record has more than 4 cells (line 2)");
  }

  @Test
  void nulIsRejectedOnlyWhenAsked() {
    assertThatThrownBy(() -> parse("a\nb\u0000c\n", SMALL))
        .isInstanceOf(CsvSyntaxException.class)
        .hasMessageContaining("NUL character on line 2");
    assertThat(parse("a\nb\u0000c\n", CsvLimits.NONE))
        .containsExactly(List.of("a"), List.of("b\u0000c"));
  }

  /** A line of many megabytes without a newline: the reader stops at the limit. */
  @Test
  void aHugeLineStopsAtTheLimitWithoutReadingItAll() {
    long size = 200L * 1024 * 1024;
    CountingStream in = new CountingStream(size);
    CsvLimits limits = new CsvLimits(1024 * 1024, 4L * 1024 * 1024, 10_000, false);
    try (DatasetReader r = DatasetReader.open(in, limits)) {
      org.junit.jupiter.api.Assertions.fail("header read: " + r.columns().size());
    } catch (CsvLimitException e) {
      assertThat(e).hasMessageContaining("longer than 1048576 characters");
    }
    assertThat(in.served).isLessThan(4L * 1024 * 1024);
  }

  @Test
  void syntaxErrorsAreCsvFormatExceptions() {
    byte[] bad = {'a', '\n', (byte) 0xff, '\n'};
    assertThatThrownBy(
            () -> {
              try (CsvReader r = CsvReader.utf8(new ByteArrayInputStream(bad), SMALL)) {
                while (r.next().isPresent()) {
                  // drain
                }
              }
            })
        .isInstanceOf(CsvSyntaxException.class)
        .isInstanceOf(CsvFormatException.class);
    assertThatThrownBy(() -> parse("\"open", SMALL)).isInstanceOf(CsvSyntaxException.class);
    assertThat("é".getBytes(StandardCharsets.UTF_8)).hasSize(2);
  }

  /** {@code size} bytes of 'x', counting what was read. */
  static final class CountingStream extends InputStream {
    private final long size;
    long served;

    CountingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (served >= size) return -1;
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= size) return -1;
      int n = (int) Math.min(len, size - served);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      served += n;
      return n;
    }
  }
}
