package ai.lumigator.api.urls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model server URL a job would call is checked when the job is asked for: http(s) only, never a
 * link-local or cloud metadata address (by name or by what the name resolves to), and only the
 * allowed hosts when an allow-list is set.
 */
class OutboundUrlTest {
  static final String DATASET = "5f0a8a59-3e1c-4c3e-9d43-0d1f3a2b9c11";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  @TempDir static Path allowDir;
  static ApiOnly api;
  static ApiOnly allowing;

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
    allowing = ApiOnly.start(allowDir, "lumigator.api.base-url-allow=api.example.com,10.0.0.0/8");
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
    if (allowing != null) allowing.close();
  }

  static HttpResponse<String> inference(ApiOnly app, String baseUrl) throws Exception {
    String body =
        """
        {"name": "n", "dataset": "%s", "job_config": {"job_type": "inference", "model": "m",
         "provider": "self-hosted", "base_url": "%s"}}
        """
            .formatted(DATASET, baseUrl);
    return app.send(
        app.request("/api/v1/jobs/inference/")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static JsonNode refusal(ApiOnly app, String baseUrl) throws Exception {
    HttpResponse<String> r = inference(app, baseUrl);
    assertThat(r.statusCode()).as(baseUrl + ": " + r.body()).isEqualTo(422);
    JsonNode item = JSON.readTree(r.body()).at("/detail/0");
    assertThat(item.path("loc").toString()).isEqualTo("[\"body\",\"job_config\",\"base_url\"]");
    return item;
  }

  @Test
  void onlyHttpAndHttps() throws Exception {
    for (String url : List.of("file:///etc/passwd", "gopher://h/", "ftp://h/x", "h:8000/v1")) {
      assertThat(refusal(api, url).path("type").asText()).as(url).isEqualTo("url_scheme");
    }
    assertThat(refusal(api, "http://").path("type").asText()).isEqualTo("url_parsing");
    assertThat(refusal(api, "http://a b/").path("type").asText()).isEqualTo("url_parsing");
  }

  @Test
  void metadataAndLinkLocalAddressesAreRefusedHoweverWritten() throws Exception {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://169.254.169.254./",
            "http://2852039166/",
            "http://[fe80::1]:8000/v1",
            "http://[::ffff:169.254.169.254]/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "HTTP://METADATA/",
            "http://100.100.100.200/")) {
      JsonNode item = refusal(api, url);
      assertThat(item.path("type").asText()).as(url).isEqualTo("url_host_denied");
      assertThat(item.toString()).doesNotContain("169.254.169.254/latest");
    }
  }

  @Test
  void localAndOrdinaryServersAreAccepted() throws Exception {
    for (String url :
        List.of("http://127.0.0.1:8000/v1", "http://localhost:11434/v1", "https://10.2.3.4/v1")) {
      HttpResponse<String> r = inference(api, url);
      assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(404); // the dataset
    }
  }

  @Test
  void anAllowListLetsOnlyItsHostsThrough() throws Exception {
    assertThat(refusal(allowing, "http://127.0.0.1:8000/v1").path("type").asText())
        .isEqualTo("url_host_not_allowed");
    assertThat(refusal(allowing, "http://169.254.169.254/").path("type").asText())
        .as("the deny-list still applies")
        .isEqualTo("url_host_denied");
    assertThat(inference(allowing, "https://api.example.com/v1").statusCode()).isEqualTo(404);
    assertThat(inference(allowing, "http://10.9.8.7:8000/v1").statusCode()).isEqualTo(404);
  }

  @Test
  void workflowsAndJudgeUrlsAreCheckedToo() throws Exception {
    HttpResponse<String> r =
        api.send(
            api.request("/api/v1/workflows/")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"name": "w", "experiment_id": "%s", "model": "m", "provider": "self-hosted",
                         "base_url": "file:///etc/passwd",
                         "llm_as_judge": {"model_name": "j", "model_base_url": "http://169.254.169.254/"}}
                        """
                            .formatted(DATASET)))
                .build());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(r.body()).path("detail").findValuesAsText("type"))
        .containsExactly("url_scheme", "url_host_denied");
  }

  @Test
  void aRuleThatIsNeitherAHostNorANetworkIsRefusedAtStartUp() {
    assertThatThrownBy(() -> OutboundUrlPolicy.of(List.of("example.com/8"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example.com/8");
    assertThatThrownBy(() -> OutboundUrlPolicy.of(List.of("10.0.0.0/33"), List.of()))
        .hasMessageContaining("prefix out of range");
  }
}
