package ai.lumigator.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /} stays the original's JSON for API clients and sends browsers to the web page at
 * {@code /ui/}, which the API serves from its classpath.
 */
class WebPageTest {
  static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
  @TempDir static Path dataDir;
  static final ObjectMapper JSON = new ObjectMapper();
  static ApiOnly api;

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  static HttpResponse<String> get(String path, String accept) {
    HttpRequest.Builder r = api.request(path).GET();
    if (accept != null) r.header("Accept", accept);
    return api.send(r.build());
  }

  @Test
  void apiClientsStillGetTheGreeting() throws Exception {
    for (String accept :
        new String[] {null, "*/*", "application/json", "application/json, text/html"}) {
      HttpResponse<String> r = get("/", accept);
      assertThat(r.statusCode()).as("Accept: %s", accept).isEqualTo(200);
      assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"Hello\": \"Lumigator!🐊\"}"));
    }
  }

  @Test
  void browsersAreSentToTheWebPage() {
    HttpResponse<String> r = get("/", BROWSER_ACCEPT);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/ui/"));
    HttpResponse<String> bare = get("/ui", BROWSER_ACCEPT);
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/ui/"));
  }

  @Test
  void servesThePageWhenTheBuildMadeIt() {
    HttpResponse<String> r = get("/ui/", BROWSER_ACCEPT);
    if (WebPageTest.class.getResource("/static/ui/index.html") == null) {
      // built with -Dlumigator.web.skip=true: no page, and the answer is the usual JSON 404
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("\"detail\"");
      return;
    }
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(r.body()).contains("<title>Lumigator</title>").contains("/ui/assets/");
    String asset = r.body().replaceAll("(?s).*src=\"(/ui/assets/[^\"]+\\.js)\".*", "$1");
    HttpResponse<String> js = get(asset, "*/*");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("immutable"));
  }
}
