package ai.lumigator.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.progress.Progress;
import ai.lumigator.jobs.progress.ProgressReporter;
import ai.lumigator.jobs.testing.StackS3;
import ai.lumigator.jobs.testing.SwitchableProxy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The job programs' store against the real S3Proxy of the local stack, reached through a relay that
 * is taken down (connections reset, as by a store that went away) or made a black hole (a hung
 * store): reads and writes wait out an outage inside their windows, fail clearly past them, fail at
 * once for a missing object; progress writes never hold the work. The SDK's own retries are
 * shortened (1-20 ms) so that an outage of a few seconds outlasts them, as a 35 s one outlasts the
 * real ones (~11 s).
 */
@Tag("stack")
class S3ObjectStoreOutageStackTest {
  static final Duration OUTAGE = Duration.ofSeconds(4);

  SwitchableProxy proxy;
  S3ObjectStore direct;
  String prefix;

  @BeforeEach
  void start() throws Exception {
    proxy = SwitchableProxy.to(StackS3.endpoint());
    direct = StackS3.store();
    prefix = "tests/outage-" + UUID.randomUUID() + "/";
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    direct.delete(at("dataset.csv"));
    direct.delete(at("results.json"));
    direct.close();
  }

  S3ObjectStore throughProxy(Duration readWindow, Duration writeWindow) {
    return S3ObjectStore.create(
        proxy.endpoint(),
        StackS3.region(),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(StackS3.accessKey(), StackS3.secretKey())),
        Duration.ofMillis(1),
        Duration.ofMillis(20),
        readWindow,
        writeWindow);
  }

  S3Location at(String name) {
    return new S3Location(StackS3.bucket(), prefix + name);
  }

  static String read(ObjectStore store, S3Location l) {
    try (InputStream in = store.open(l)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aReadWaitsOutAnOutageInsideItsWindow() throws Exception {
    S3Location dataset = at("dataset.csv");
    direct.put(dataset, "examples\nhello\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    try (S3ObjectStore store = throughProxy(Duration.ofMinutes(1), Duration.ofMinutes(1))) {
      proxy.down();
      long t0 = System.nanoTime();
      CompletableFuture<String> content = CompletableFuture.supplyAsync(() -> read(store, dataset));
      Thread.sleep(OUTAGE.toMillis()); // the outage itself
      assertThat(content).as("still waiting, not failed").isNotDone();
      proxy.up();
      assertThat(content.get(30, TimeUnit.SECONDS)).isEqualTo("examples\nhello\n");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(OUTAGE);
    }
  }

  @Test
  void withoutAWindowTheSameOutageFailsTheRead() throws Exception {
    S3Location dataset = at("dataset.csv");
    direct.put(dataset, "examples\nhello\n".getBytes(StandardCharsets.UTF_8), "text/csv");
    try (S3ObjectStore store = throughProxy(Duration.ZERO, Duration.ZERO)) {
      proxy.down();
      assertThatThrownBy(() -> read(store, dataset))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot read " + dataset);
    }
  }

  @Test
  void aMissingObjectFailsAtOnceEvenWithAWindow() {
    try (S3ObjectStore store = throughProxy(Duration.ofMinutes(2), Duration.ofMinutes(2))) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> store.open(at("none")))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.notFound()).isTrue());
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void aWriteWaitsOutAnOutageAndFailsClearlyOnceItOutlastsItsWindow() throws Exception {
    S3Location results = at("results.json");
    try (S3ObjectStore store = throughProxy(Duration.ofMinutes(1), Duration.ofMinutes(1))) {
      proxy.down();
      CompletableFuture<Void> write =
          CompletableFuture.runAsync(() -> store.put(results, "{}".getBytes(), "application/json"));
      Thread.sleep(OUTAGE.toMillis());
      assertThat(write).isNotDone();
      proxy.up();
      write.get(30, TimeUnit.SECONDS);
      assertThat(read(direct, results)).isEqualTo("{}");
    }
    try (S3ObjectStore store = throughProxy(Duration.ofMinutes(1), Duration.ofSeconds(2))) {
      proxy.down();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> store.put(results, "{\"late\":1}".getBytes(), "application/json"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot write " + results)
          .hasMessageContaining("object store unreachable for 2 s");
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
      proxy.up();
      assertThat(read(direct, results)).as("the earlier results stand").isEqualTo("{}");
    }
  }

  @Test
  void progressNeverHoldsTheWorkWhileTheStoreHangsAndCatchesUpAfterwards() throws Exception {
    String jobId = UUID.randomUUID().toString();
    S3Location progressKey =
        new S3Location(StackS3.bucket(), ai.lumigator.jobs.config.JobPaths.progressKey(jobId));
    try (S3ObjectStore store = throughProxy(Duration.ofMinutes(1), Duration.ofMinutes(1))) {
      proxy.blackHole(); // accepts, never answers
      long t0 = System.nanoTime();
      ProgressReporter progress =
          new ProgressReporter(
              store, StackS3.bucket(), Optional.of(jobId), "test", 100, Duration.ofMillis(50));
      for (int i = 0; i < 100; i++) {
        Thread.sleep(10); // one sample's work
        progress.increment();
      }
      long workedNanos = System.nanoTime() - t0;
      progress.close();
      Duration untilClosed = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(Duration.ofNanos(workedNanos)).isLessThan(Duration.ofSeconds(3));
      assertThat(untilClosed)
          .as("close makes at most one quick attempt after the one in flight")
          .isLessThan(Duration.ofNanos(workedNanos).plus(Duration.ofSeconds(8)));

      proxy.up();
      store.put(at("results.json"), "{}".getBytes(), "application/json");
      progress.publishIfBehind();
      Progress stored = JobConfigJson.fromJson(read(direct, progressKey), Progress.class);
      assertThat(stored).isEqualTo(new Progress(100, 100));
    } finally {
      direct.delete(progressKey);
    }
  }
}
