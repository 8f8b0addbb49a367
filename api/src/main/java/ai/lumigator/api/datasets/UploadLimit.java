package ai.lumigator.api.datasets;

import ai.lumigator.api.errors.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

/**
 * Counts an upload's bytes as they stream and fails with a 413 as soon as one more than the limit
 * has arrived. The exception is unchecked, so it passes unchanged through the readers on top.
 */
final class UploadLimit extends FilterInputStream {
  private final long max;
  private long count;

  UploadLimit(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  private void counted(long n) {
    count += n;
    if (count > max) {
      throw tooLarge(max);
    }
  }

  static PayloadTooLargeException tooLarge(long max) {
    return new PayloadTooLargeException(
        "Dataset upload exceeds the " + megabytes(max) + "MB limit");
  }

  /** Decimal megabytes with at least one decimal, as Python prints a float: 50.0, 1.5, 0.25. */
  static String megabytes(long bytes) {
    BigDecimal mb = BigDecimal.valueOf(bytes).movePointLeft(6).stripTrailingZeros();
    return (mb.scale() < 1 ? mb.setScale(1) : mb).toPlainString();
  }
}
