package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.FakeChatServer.Scripted;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleClientTest {
  private FakeChatServer server;

  @BeforeEach
  void start() {
    server = FakeChatServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiCompatibleClient client(int maxRetries, Duration timeout) {
    return new OpenAiCompatibleClient(
        server.baseUrl(),
        "test-model",
        "Summarize.",
        new GenerationConfig(77, 0.25, 0.5, 0.9),
        "sk-test-secret-123",
        new RetryPolicy(
            maxRetries, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)),
        timeout);
  }

  @Test
  void successSendsTheOpenAiRequestAndReadsUsage() {
    Completion c = client(0, Duration.ofSeconds(10)).complete("hello big world");
    assertThat(c.text()).isEqualTo("pred: hello big world");
    // prompt = "Summarize." (1) + 3 words; completion = 4 words
    assertThat(c.usage()).isEqualTo(new TokenUsage(4, 4, 8));
    assertThat(c.latencyMs()).isNotNull().isNotNegative();

    FakeChatServer.Seen seen = server.requests().get(0);
    assertThat(seen.authorization()).isEqualTo("Bearer sk-test-secret-123");
    JsonNode b = seen.body();
    assertThat(b.path("model").asText()).isEqualTo("test-model");
    assertThat(b.path("messages")).hasSize(2);
    assertThat(b.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(b.path("messages").get(0).path("content").asText()).isEqualTo("Summarize.");
    assertThat(b.path("messages").get(1).path("role").asText()).isEqualTo("user");
    assertThat(b.path("messages").get(1).path("content").asText()).isEqualTo("hello big world");
    assertThat(b.path("max_tokens").asInt()).isEqualTo(77);
    assertThat(b.path("temperature").asDouble()).isEqualTo(0.5);
    assertThat(b.path("top_p").asDouble()).isEqualTo(0.9);
    assertThat(b.path("frequency_penalty").asDouble()).isEqualTo(0.25);
  }

  @Test
  void noSystemMessageWhenPromptBlankAndNoKeyHeaderWithoutKey() {
    var c =
        new OpenAiCompatibleClient(
            server.baseUrl() + "/",
            "m",
            " ",
            GenerationConfig.defaults(),
            null,
            RetryPolicy.of(0),
            Duration.ofSeconds(5));
    c.complete("x");
    FakeChatServer.Seen seen = server.requests().get(0);
    assertThat(seen.body().path("messages")).hasSize(1);
    assertThat(seen.authorization()).isNull();
  }

  @Test
  void missingUsageGivesNullUsage() {
    server.withoutUsage();
    assertThat(client(0, Duration.ofSeconds(5)).complete("a").usage()).isNull();
  }

  @Test
  void tooManyRequestsHonoursRetryAfterSeconds() {
    server.script(Scripted.tooManyRequests("1"));
    long t0 = System.nanoTime();
    Completion c = client(2, Duration.ofSeconds(5)).complete("x");
    assertThat(c.text()).isEqualTo("pred: x");
    assertThat(server.requestCount()).isEqualTo(2);
    long gapMs =
        (server.requests().get(1).atNanos() - server.requests().get(0).atNanos()) / 1_000_000;
    assertThat(gapMs).as("second request waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000);
  }

  @Test
  void tooManyRequestsHonoursRetryAfterHttpDate() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    server.script(Scripted.tooManyRequests(date));
    client(1, Duration.ofSeconds(5)).complete("x");
    long gapMs =
        (server.requests().get(1).atNanos() - server.requests().get(0).atNanos()) / 1_000_000;
    // the date has one-second resolution: at least ~1 s, at most ~2 s
    assertThat(gapMs).isBetween(900L, 2600L);
  }

  @Test
  void latencyIsTheWallTimeOfTheCall() {
    server.latency(Duration.ofMillis(40));
    Completion c = client(0, Duration.ofSeconds(5)).complete("slow");
    assertThat(c.latencyMs()).isBetween(40.0, 2000.0);
  }

  @Test
  void serverErrorThenSuccess() {
    server.script(Scripted.error(500), Scripted.error(503));
    Completion c = client(3, Duration.ofSeconds(5)).complete("y");
    assertThat(c.text()).isEqualTo("pred: y");
    assertThat(server.requestCount()).isEqualTo(3);
    // the latency counts the failed attempts and the backoff (25-50 ms, then 50-100 ms) too
    assertThat(c.latencyMs()).isGreaterThanOrEqualTo(75.0);
  }

  @Test
  void permanentFailureGivesAClearErrorAfterAllAttempts() {
    server.alwaysFailWhenContains("doomed", Scripted.error(500));
    assertThatThrownBy(() -> client(2, Duration.ofSeconds(5)).complete("doomed sample"))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("failed after 3 attempt(s)")
        .hasMessageContaining("HTTP 500: scripted 500")
        .hasMessageContaining(server.baseUrl() + "/chat/completions");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void clientErrorsAreNotRetriedAndTheKeyNeverShows() {
    server.alwaysFailWhenContains(
        "x",
        new Scripted(
            401,
            null,
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-secret-123\"}}"));
    assertThatThrownBy(() -> client(3, Duration.ofSeconds(5)).complete("x"))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("not retried")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-test-secret-123"));
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void timeoutIsRetried() {
    server.latency(s -> s.contains("slow") ? Duration.ofMillis(1500) : Duration.ZERO);
    assertThatThrownBy(() -> client(1, Duration.ofMillis(300)).complete("slow"))
        .hasMessageContaining("timed out");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void connectionRefusedIsRetriedThenReported() {
    int port = Integer.parseInt(server.baseUrl().replaceAll(".*:(\\d+)/v1", "$1"));
    server.close();
    var c =
        new OpenAiCompatibleClient(
            "http://127.0.0.1:" + port + "/v1",
            "m",
            null,
            null,
            null,
            new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
            Duration.ofSeconds(2));
    assertThatThrownBy(() -> c.complete("x"))
        .hasMessageContaining("failed after 2 attempt(s): connection error");
  }

  @Test
  void invalidBodyIsRetried() {
    server.script(new Scripted(200, null, "not json"), new Scripted(200, null, "{\"choices\":[]}"));
    assertThat(client(2, Duration.ofSeconds(5)).complete("z").text()).isEqualTo("pred: z");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void responseParsing() {
    assertThat(
            OpenAiCompatibleClient.parseForTest(
                    "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}")
                .text())
        .isEmpty();
    assertThat(OpenAiCompatibleClient.stripThinking("<think>hmm\nmaybe</think>\n\nThe answer."))
        .isEqualTo("The answer.");
    Completion c =
        OpenAiCompatibleClient.parseForTest(
            "{\"choices\":[{\"message\":{\"content\":\" a \"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}");
    assertThat(c.text()).isEqualTo("a");
    assertThat(c.usage()).isEqualTo(new TokenUsage(3, 2, 5));
  }

  @Test
  void retryAfterParsing() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    assertThat(RetryAfter.parse("2", clock)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("0.5", clock)).contains(Duration.ofMillis(500));
    assertThat(RetryAfter.parse("Sun, 01 Nov 2026 10:00:07 GMT", clock))
        .contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Sun, 01 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-1", clock)).isEmpty();
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
  }

  @Test
  void backoffGrowsAndIsCapped() {
    RetryPolicy p =
        new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(3));
    for (int i = 0; i < 20; i++) {
      assertThat(p.backoff(0).toMillis()).isBetween(50L, 100L);
      assertThat(p.backoff(2).toMillis()).isBetween(200L, 400L);
      assertThat(p.backoff(10).toMillis()).isBetween(500L, 1000L);
      assertThat(p.backoff(40).toMillis()).isBetween(500L, 1000L);
    }
    assertThat(p.capRetryAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(3));
  }
}
