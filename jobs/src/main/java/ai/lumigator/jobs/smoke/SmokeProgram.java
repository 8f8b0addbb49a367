package ai.lumigator.jobs.smoke;

import ai.lumigator.jobs.JobLog;
import ai.lumigator.jobs.config.SmokeConfig;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code smoke} job: reads the UTF-8 object at {@code input_path} and writes it upper-cased to
 * {@code output_path}. Proves that Ray can run the jar and that the job reaches S3.
 */
public final class SmokeProgram {
  private final ObjectStore store;

  public SmokeProgram(ObjectStore store) {
    this.store = store;
  }

  /** Runs the job; returns the number of bytes written. */
  public int run(SmokeConfig config) {
    if (config.inputPath() == null || config.outputPath() == null) {
      throw new IllegalArgumentException("smoke config needs input_path and output_path");
    }
    S3Location in = S3Location.parse(config.inputPath());
    S3Location out = S3Location.parse(config.outputPath());
    String text;
    try (InputStream is = store.open(in)) {
      text = new String(is.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + in + ": " + e.getMessage(), e);
    }
    byte[] upper = text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    store.put(out, upper, "text/plain; charset=utf-8");
    JobLog.info(
        "smoke: read "
            + text.getBytes(StandardCharsets.UTF_8).length
            + " bytes from "
            + in
            + ", wrote "
            + upper.length
            + " upper-cased bytes to "
            + out);
    return upper.length;
  }
}
