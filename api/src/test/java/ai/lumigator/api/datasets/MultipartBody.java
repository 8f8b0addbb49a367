package ai.lumigator.api.datasets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A multipart/form-data body built as a stream (file parts may be generated, never in memory), sent
 * with an exact Content-Length.
 */
final class MultipartBody {
  static final String BOUNDARY = "lumigator-test-boundary-7f3a";

  private record Part(byte[] head, Supplier<InputStream> content, long length) {}

  private final List<Part> parts = new ArrayList<>();

  static MultipartBody of() {
    return new MultipartBody();
  }

  MultipartBody field(String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    parts.add(
        new Part(
            head("Content-Disposition: form-data; name=\"" + name + "\""),
            () -> new ByteArrayInputStream(bytes),
            bytes.length));
    return this;
  }

  MultipartBody file(String name, String filename, byte[] content) {
    return file(name, filename, () -> new ByteArrayInputStream(content), content.length);
  }

  /** A file part; {@code filename} is sent as raw UTF-8, as browsers do. */
  MultipartBody file(String name, String filename, Supplier<InputStream> content, long length) {
    parts.add(
        new Part(
            head(
                "Content-Disposition: form-data; name=\""
                    + name
                    + "\"; filename=\""
                    + filename
                    + "\"\r\nContent-Type: text/csv"),
            content,
            length));
    return this;
  }

  private static byte[] head(String headers) {
    return ("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tail() {
    return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  long length() {
    long n = tail().length;
    for (Part p : parts) {
      n += p.head.length + p.length + 2;
    }
    return n;
  }

  InputStream stream() {
    List<InputStream> streams = new ArrayList<>();
    for (Part p : parts) {
      streams.add(new ByteArrayInputStream(p.head));
      streams.add(p.content.get());
      streams.add(new ByteArrayInputStream("\r\n".getBytes(StandardCharsets.UTF_8)));
    }
    streams.add(new ByteArrayInputStream(tail()));
    return new SequenceInputStream(Collections.enumeration(streams));
  }

  /** The body cut after {@code bytes} bytes: a client that went away mid-upload. */
  byte[] truncated(int bytes) {
    try (InputStream in = stream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(in.readNBytes(bytes));
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.fromPublisher(
        HttpRequest.BodyPublishers.ofInputStream(this::stream), length());
  }
}
