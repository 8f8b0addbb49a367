package ai.lumigator.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** An endpoint that refuses for a while must not cost a job its results. */
class S3ObjectStoreRetryTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  private S3ObjectStore storeRefusing(int refusals, AtomicInteger puts) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int n = puts.incrementAndGet();
          byte[] body =
              n <= refusals
                  ? "<Error><Code>ServiceUnavailable</Code></Error>"
                      .getBytes(StandardCharsets.UTF_8)
                  : new byte[0];
          exchange.sendResponseHeaders(
              n <= refusals ? 503 : 200, body.length == 0 ? -1 : body.length);
          exchange.close();
        });
    server.start();
    return S3ObjectStore.create(
        "http://127.0.0.1:" + server.getAddress().getPort(),
        "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")),
        Duration.ofMillis(1),
        Duration.ofMillis(5));
  }

  @Test
  void aWriteSucceedsAfterNineRefusals() throws Exception {
    AtomicInteger puts = new AtomicInteger();
    try (S3ObjectStore store = storeRefusing(S3ObjectStore.MAX_ATTEMPTS - 1, puts)) {
      store.put(
          new S3Location("b", "jobs/results/x/results.json"), "{}".getBytes(), "application/json");
    }
    assertThat(puts).hasValue(S3ObjectStore.MAX_ATTEMPTS);
  }

  @Test
  void aWriteFailsAfterTenAttempts() throws Exception {
    AtomicInteger puts = new AtomicInteger();
    try (S3ObjectStore store = storeRefusing(Integer.MAX_VALUE, puts)) {
      assertThatThrownBy(
              () ->
                  store.put(
                      new S3Location("b", "jobs/results/x/results.json"),
                      "{}".getBytes(),
                      "application/json"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot write s3://b/jobs/results/x/results.json");
    }
    assertThat(puts).hasValue(10);
  }
}
