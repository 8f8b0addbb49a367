package ai.lumigator.api.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS from LUMIGATOR_API_CORS_ALLOWED_ORIGINS, over real HTTP: preflight and simple requests. */
class CorsTest {
  static final String UI = "http://localhost:3000";
  static final String EVIL = "https://evil.example.com";
  final ObjectMapper json = new ObjectMapper();
  @TempDir Path dataDir;

  static HttpResponse<String> preflight(ApiOnly api, String origin, String method) {
    return api.send(
        api.request("/api/v1/settings/secrets/openai_api_key")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "content-type")
            .build());
  }

  static HttpResponse<String> simpleGet(ApiOnly api, String path, String origin) {
    return api.send(api.request(path).GET().header("Origin", origin).build());
  }

  static String allowOrigin(HttpResponse<?> r) {
    return r.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
  }

  @Test
  void listedOriginsGetCorsHeadersOthersAreRefusedWithJson() throws Exception {
    try (ApiOnly api =
        ApiOnly.start(
            dataDir, "lumigator.api.cors.allowed-origins= " + UI + " , https://ui.example.com/")) {
      HttpResponse<String> ok = preflight(api, UI, "PUT");
      assertThat(ok.statusCode()).isEqualTo(200);
      HttpHeaders h = ok.headers();
      assertThat(allowOrigin(ok)).isEqualTo(UI);
      assertThat(h.firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");
      assertThat(h.firstValue("Access-Control-Allow-Headers").orElseThrow())
          .containsIgnoringCase("content-type");
      assertThat(h.firstValue("Access-Control-Max-Age")).contains("3600");
      assertThat(h.firstValue("Access-Control-Allow-Credentials")).isEmpty();
      assertThat(h.allValues("Vary").toString()).contains("Origin");
      // the trailing slash of the configured origin is not part of the origin
      assertThat(allowOrigin(preflight(api, "https://ui.example.com", "DELETE")))
          .isEqualTo("https://ui.example.com");

      HttpResponse<String> get = simpleGet(api, "/api/v1/models/", UI);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(allowOrigin(get)).isEqualTo(UI);
      assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
          .contains("Location");
      // errors carry the headers too, so the UI can read their detail
      HttpResponse<String> error = simpleGet(api, "/api/v1/models/?tasks=poetry", UI);
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(allowOrigin(error)).isEqualTo(UI);

      for (HttpResponse<String> refused :
          new HttpResponse[] {
            preflight(api, EVIL, "PUT"),
            simpleGet(api, "/api/v1/models/", EVIL),
            preflight(api, UI, "TRACE")
          }) {
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(allowOrigin(refused)).isNull();
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json.readTree(refused.body()).get("detail").asText())
            .isEqualTo("Invalid CORS request: origin, method or header not allowed");
      }
      // a request without Origin (curl, the SDK) is not a CORS request
      HttpResponse<String> plain = api.get("/api/v1/models/");
      assertThat(plain.statusCode()).isEqualTo(200);
      assertThat(allowOrigin(plain)).isNull();
    }
  }

  @Test
  void aStarAloneAllowsEveryOrigin() {
    try (ApiOnly api = ApiOnly.start(dataDir, "lumigator.api.cors.allowed-origins=*")) {
      HttpResponse<String> pre = preflight(api, EVIL, "PUT");
      assertThat(pre.statusCode()).isEqualTo(200);
      assertThat(allowOrigin(pre)).isEqualTo("*");
      HttpResponse<String> get = simpleGet(api, "/api/v1/models/", EVIL);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(allowOrigin(get)).isEqualTo("*");
    }
  }

  @Test
  void unsetMeansTheOriginalsDefaultsTheUiOnLocalhost() {
    try (ApiOnly api = ApiOnly.start(dataDir)) {
      for (String origin : new String[] {UI, "http://localhost"}) {
        HttpResponse<String> pre = preflight(api, origin, "POST");
        assertThat(pre.statusCode()).as(origin).isEqualTo(200);
        assertThat(allowOrigin(pre)).isEqualTo(origin);
      }
      for (String origin : new String[] {EVIL, "http://localhost:5173", "http://127.0.0.1:3000"}) {
        assertThat(preflight(api, origin, "POST").statusCode()).as(origin).isEqualTo(403);
      }
    }
  }

  @Test
  void emptyMeansNoCorsHeadersAtAll() {
    try (ApiOnly api = ApiOnly.start(dataDir, "lumigator.api.cors.allowed-origins=")) {
      HttpResponse<String> get = simpleGet(api, "/api/v1/models/", UI);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.headers().map().keySet())
          .noneMatch(k -> k.toLowerCase().startsWith("access-control-"));
      HttpResponse<String> pre = preflight(api, UI, "PUT");
      assertThat(pre.headers().map().keySet())
          .noneMatch(k -> k.toLowerCase().startsWith("access-control-"));
    }
  }

  @Test
  void originListsAreParsedStrictly() {
    assertThat(AllowedOrigins.parse(null)).isEmpty();
    assertThat(AllowedOrigins.parse(" , ")).isEmpty();
    assertThat(AllowedOrigins.parse("http://a:1,https://b.example.com/"))
        .containsExactly("http://a:1", "https://b.example.com");
    assertThat(AllowedOrigins.parse(" * ")).containsExactly("*");
    for (String bad :
        new String[] {"localhost:3000", "ftp://x", "http://x/path", "http://x?q", "*,http://x"}) {
      assertThatThrownBy(() -> AllowedOrigins.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidCorsOriginsException.class)
          .hasMessageStartingWith("LUMIGATOR_API_CORS_ALLOWED_ORIGINS: ");
    }
  }
}
