package ai.lumigator.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import ai.lumigator.apitest.ErrorProbeController;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every way a request can fail ends as JSON {"detail": ...} with the right status, over real HTTP
 * through Tomcat (so the container's error forwarding is covered too).
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir, new Class<?>[] {ErrorProbeController.class});
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  /** Asserts status and a JSON body, returns its detail. */
  static JsonNode error(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(r.uri().toString())
        .startsWith("application/json");
    JsonNode body = json.readTree(r.body());
    assertThat(body.fieldNames()).toIterable().containsExactly("detail");
    assertThat(r.body())
        .doesNotContain(ErrorProbeController.INTERNALS)
        .doesNotContain("Exception")
        .doesNotContain("at ai.lumigator");
    return body.get("detail");
  }

  static HttpResponse<String> post(String path, String contentType, String body) {
    HttpRequest.Builder b = api.request(path).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) b.header("Content-Type", contentType);
    return api.send(b.build());
  }

  @Test
  void apiExceptionsKeepTheirStatusAndMessage() throws Exception {
    Map<String, Object[]> cases =
        Map.of(
            "not-found", new Object[] {404, "Dataset with ID 42 not found"},
            "bad-request", new Object[] {400, "cannot do that"},
            "conflict", new Object[] {409, "not yet"},
            "invalid", new Object[] {422, "Dataset is invalid: not a CSV file"},
            "too-large", new Object[] {413, "Dataset upload exceeds the 50.0MB limit"},
            "upstream", new Object[] {503, "Upstream error with s3: connection refused"});
    for (var c : cases.entrySet()) {
      JsonNode detail = error(api.get("/probe/api/" + c.getKey()), (int) c.getValue()[0]);
      assertThat(detail.asText()).isEqualTo(c.getValue()[1]);
    }
  }

  @Test
  void unexpectedFailuresAre500WithAReferenceThatIsInTheLog(CapturedOutput output)
      throws Exception {
    JsonNode detail = error(api.get("/probe/boom"), 500);
    Matcher m = Pattern.compile("Internal error \\(ref ([0-9a-f]{8})\\)").matcher(detail.asText());
    assertThat(m.matches()).as(detail.asText()).isTrue();
    assertThat(output)
        .contains("Internal error (ref " + m.group(1) + ")")
        .contains(ErrorProbeController.INTERNALS); // the log has the details, the client not
  }

  @Test
  void springsOwnClientErrorsKeepTheirStatus() throws Exception {
    assertThat(error(api.get("/probe/status"), 410).asText()).isEqualTo("Gone");
    assertThat(error(api.get("/api/v1/nope"), 404).asText()).isEqualTo("Not Found");
    HttpResponse<String> method =
        api.send(api.request("/api/v1/settings/secrets/").DELETE().build());
    assertThat(error(method, 405).asText()).isEqualTo("Method Not Allowed");
    assertThat(method.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @Test
  void requestShapeErrorsAre422Lists() throws Exception {
    assertThat(error(api.get("/probe/uuid/not-a-uuid"), 422))
        .isEqualTo(
            json.readTree(
                "[{\"loc\":[\"path\",\"id\"],\"msg\":\"Input should be a valid UUID\","
                    + "\"type\":\"uuid_parsing\"}]"));
    assertThat(error(api.get("/probe/query"), 422))
        .isEqualTo(
            json.readTree(
                "[{\"loc\":[\"query\",\"n\"],\"msg\":\"Field required\",\"type\":\"missing\"}]"));
    assertThat(error(api.get("/probe/query?n=abc"), 422).at("/0/type").asText())
        .isEqualTo("int_parsing");
    assertThat(error(api.get("/probe/query?n=1&flag=maybe"), 422).at("/0/loc").toString())
        .isEqualTo("[\"query\",\"flag\"]");
    assertThat(error(api.get("/probe/limited?limit=500"), 422).at("/0/loc").toString())
        .isEqualTo("[\"query\",\"limit\"]");
    assertThat(error(api.get("/probe/header"), 422))
        .isEqualTo(
            json.readTree(
                "[{\"loc\":[\"header\",\"X-Probe\"],\"msg\":\"Field required\","
                    + "\"type\":\"missing\"}]"));
  }

  @Test
  void bodiesThatCannotBeReadAre422WithTheirLocation() throws Exception {
    String type = "application/json";
    Map<String, String> cases =
        Map.of(
            "{\"name\": \"a\", \"count\": \"many\"}", "[\"body\",\"count\"]|int_type",
            "{\"name\": \"a\", \"id\": \"xyz\"}", "[\"body\",\"id\"]|uuid_parsing",
            "{\"name\": \"a\", \"extra\": [1]}", "[\"body\",\"extra\"]|dict_type",
            "[1, 2]", "[\"body\"]|model_attributes_type",
            "\"text\"", "[\"body\"]|model_attributes_type",
            "{\"name\": ", "[\"body\"]|json_invalid",
            "{\"name\": \"a\"} trailing", "[\"body\"]|json_invalid",
            "", "[\"body\"]|missing",
            "{\"count\": 1}", "[\"body\",\"name\"]|missing",
            "{\"name\": \"toolong\"}", "[\"body\",\"name\"]|value_error");
    for (var c : cases.entrySet()) {
      JsonNode detail = error(post("/probe/body", type, c.getKey()), 422);
      String[] expected = c.getValue().split("\\|");
      assertThat(detail.size()).as(c.getKey()).isEqualTo(1);
      assertThat(detail.at("/0/loc").toString()).as(c.getKey()).isEqualTo(expected[0]);
      assertThat(detail.at("/0/type").asText()).as(c.getKey()).isEqualTo(expected[1]);
      assertThat(detail.at("/0/msg").asText()).as(c.getKey()).isNotBlank();
    }
  }

  @Test
  void wrongOrMissingContentTypesAre415AndUnacceptableAcceptIs406() throws Exception {
    assertThat(error(post("/probe/form", "text/plain", "{}"), 415).asText())
        .isEqualTo("Unsupported content type 'text/plain'; send multipart/form-data");
    assertThat(error(post("/probe/form", null, "{\"name\": \"a\"}"), 415).asText())
        .isEqualTo("Unsupported content type 'none'; send multipart/form-data");
    // a JSON body is JSON whatever its Content-Type, as FastAPI reads it (issue 14)
    assertThat(post("/probe/body", null, "{\"name\": \"a\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> r =
        api.send(
            api.request("/api/v1/settings/secrets/").header("Accept", "text/csv").GET().build());
    assertThat(error(r, 406).asText()).startsWith("Not Acceptable: this endpoint answers");
  }

  @Test
  void failuresOutsideControllersAreJsonToo(CapturedOutput output) throws Exception {
    HttpResponse<String> thrown =
        api.send(api.request("/probe/uuid/x").header("X-Filter-Fails", "throw").GET().build());
    String ref = error(thrown, 500).asText();
    assertThat(ref).matches("Internal error \\(ref [0-9a-f]{8}\\)");
    assertThat(output).contains(ref);
    HttpResponse<String> sent =
        api.send(api.request("/probe/uuid/x").header("X-Filter-Fails", "send-error").GET().build());
    assertThat(error(sent, 400).asText()).isEqualTo("Bad Request");
    assertThat(error(api.get("/error"), 404).asText()).isEqualTo("Not Found");
  }

  @Test
  void requestsTomcatRejectsAreStillAnswered() throws Exception {
    // an invalid percent-encoding never reaches Spring; the status must still be a 400
    String raw =
        rawRequest(
            "GET /api/v1/settings/secrets/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 400");
  }

  private static String rawRequest(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
