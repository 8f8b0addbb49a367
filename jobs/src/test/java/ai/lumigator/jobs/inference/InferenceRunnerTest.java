package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.FakeChatServer.Scripted;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferenceRunnerTest {
  private FakeChatServer server;

  @BeforeEach
  void start() {
    server = FakeChatServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiCompatibleClient client(int maxRetries) {
    return new OpenAiCompatibleClient(
        server.baseUrl(),
        "m",
        "sys",
        GenerationConfig.defaults(),
        null,
        new RetryPolicy(
            maxRetries, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5)),
        Duration.ofSeconds(10));
  }

  private static List<String> examples(int n) {
    return IntStream.range(0, n).mapToObj(i -> "example " + i).toList();
  }

  @Test
  void concurrencyBoundIsRespectedAndReached() {
    server.latency(Duration.ofMillis(80));
    AtomicInteger done = new AtomicInteger();
    List<Completion> out = InferenceRunner.run(client(0), examples(40), 4, done::incrementAndGet);
    assertThat(out).hasSize(40);
    assertThat(done.get()).isEqualTo(40);
    assertThat(server.maxInFlight()).isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(3);
  }

  @Test
  void orderIsPreservedWhateverTheLatency() {
    // later examples answer faster, so completions arrive in reverse
    server.latency(s -> Duration.ofMillis(200 - 10L * Integer.parseInt(s.substring(8))));
    List<Completion> out = InferenceRunner.run(client(0), examples(16), 16, () -> {});
    for (int i = 0; i < 16; i++) {
      assertThat(out.get(i).text()).isEqualTo("pred: example " + i);
    }
    assertThat(server.maxInFlight()).isGreaterThan(4);
  }

  @Test
  void randomServerErrorsAreRetriedAndOrderKept() {
    server.errorRate(0.3);
    List<Completion> out = InferenceRunner.run(client(8), examples(30), 6, () -> {});
    for (int i = 0; i < 30; i++) {
      assertThat(out.get(i).text()).isEqualTo("pred: example " + i);
    }
    assertThat(server.requestCount()).isGreaterThan(30);
  }

  @Test
  void oneSampleFailingForGoodFailsTheRunNamingIt() {
    server.alwaysFailWhenContains("example 7", Scripted.error(500));
    assertThatThrownBy(() -> InferenceRunner.run(client(1), examples(20), 4, () -> {}))
        .isInstanceOf(InferenceException.class)
        .hasMessageStartingWith("sample 8 of 20 failed: request to ")
        .hasMessageContaining("after 2 attempt(s)");
  }

  @Test
  void sequentialWithConcurrencyOne() {
    server.latency(Duration.ofMillis(5));
    List<Completion> out = InferenceRunner.run(client(0), examples(5), 1, () -> {});
    assertThat(out)
        .extracting(Completion::text)
        .containsExactly(
            "pred: example 0",
            "pred: example 1",
            "pred: example 2",
            "pred: example 3",
            "pred: example 4");
    assertThat(server.maxInFlight()).isEqualTo(1);
    assertThat(InferenceRunner.run(client(0), List.of(), 4, () -> {})).isEmpty();
  }

  @Test
  void rateLimitHoldsOffTheOtherThreads() {
    // first request gets 429 Retry-After: 1; all requests sent after it wait until then
    server
        .latency(s -> s.equals("example 0") ? Duration.ZERO : Duration.ofMillis(100))
        .script(Scripted.tooManyRequests("1"));
    long t0 = System.nanoTime();
    List<Completion> out = InferenceRunner.run(client(2), examples(8), 2, () -> {});
    assertThat(out).hasSize(8);
    long first429 = server.requests().get(0).atNanos();
    long soonAfter =
        server.requests().stream()
            .skip(2) // the 429'd request and the one already in flight beside it
            .filter(s -> s.atNanos() - first429 < 900_000_000L)
            .count();
    assertThat(soonAfter).as("requests sent during the hold-off").isZero();
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(1000);
  }
}
