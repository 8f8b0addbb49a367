package ai.lumigator.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors that the servlet container answers before the application sees the request (an encoded
 * slash, an oversize header or URL, a malformed request line) and a refused CORS preflight are JSON
 * {@code {"detail": ...}} like every other error, with no server name or version. Sent over a raw
 * socket, since HTTP clients refuse to send most of these.
 */
class ContainerErrorsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  static ApiOnly api;
  static int port;

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
    port = api.uri("/").getPort();
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  record Answer(int status, String contentType, String head, String body) {}

  static Answer raw(String requestHead) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      String status = in.readLine();
      List<String> headers = new ArrayList<>();
      String contentType = null;
      int length = -1;
      boolean chunked = false;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        headers.add(line);
        String lower = line.toLowerCase();
        if (lower.startsWith("content-type:")) contentType = line.substring(13).trim();
        if (lower.startsWith("content-length:"))
          length = Integer.parseInt(line.substring(15).trim());
        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
      }
      StringBuilder body = new StringBuilder();
      if (chunked) {
        for (int size = Integer.parseInt(in.readLine().trim(), 16);
            size > 0;
            size = Integer.parseInt(in.readLine().trim(), 16)) {
          for (int i = 0; i < size; i++) body.append((char) in.read());
          in.readLine();
        }
      } else if (length >= 0) {
        for (int i = 0; i < length; i++) body.append((char) in.read());
      } else {
        for (int c = in.read(); c >= 0; c = in.read()) body.append((char) c);
      }
      return new Answer(
          Integer.parseInt(status.split(" ")[1]),
          contentType,
          status + "\n" + String.join("\n", headers),
          body.toString());
    }
  }

  static JsonNode jsonError(Answer a, int status) throws Exception {
    assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
    assertThat(a.contentType()).as(a.head()).startsWith("application/json");
    assertThat(a.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
    return JSON.readTree(a.body()).path("detail");
  }

  static String get(String target, String... headers) {
    return "GET "
        + target
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + String.join("", headers)
        + "\r\n";
  }

  @Test
  void anEncodedSlashInThePath() throws Exception {
    assertThat(jsonError(raw(get("/api/v1/datasets/..%2F..")), 400).asText()).isNotBlank();
  }

  @Test
  void anOversizeHeader() throws Exception {
    String big = "X-Big: " + "a".repeat(100_000) + "\r\n";
    assertThat(jsonError(raw(get("/api/v1/health/", big)), 400).asText()).isNotBlank();
  }

  @Test
  void anOversizeUrl() throws Exception {
    assertThat(jsonError(raw(get("/api/v1/datasets/?q=" + "a".repeat(20_000))), 400).asText())
        .isNotBlank();
  }

  @Test
  void aMalformedRequestLine() throws Exception {
    assertThat(jsonError(raw("GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n"), 400).asText()).isNotBlank();
  }

  @Test
  void aRefusedCorsPreflight() throws Exception {
    String preflight =
        "OPTIONS /api/v1/datasets/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + "Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n\r\n";
    Answer a = raw(preflight);
    assertThat(jsonError(a, 403).asText())
        .as(a.head() + "\n" + a.body())
        .startsWith("Invalid CORS request");
  }
}
