package ai.lumigator.api.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.testing.StackApi;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.workflows.testing.PrivateStack;
import ai.lumigator.workflows.testing.TestNamespaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (issue 26, case 3): the object store (a private S3Proxy) goes down while a 40 MB dataset
 * upload is being staged, after some of its parts are stored. The client gets a 503 and no dataset
 * is made; the upload's own abort fails too (the store is down), so its parts stay in the store
 * until the worker's sweep of stale uploads aborts them once the store is back. The sweep runs here
 * every second on uploads older than 5 s (the defaults are 10 min and 1 h).
 */
@Tag("stack")
class S3OutageDuringUploadStackTest {
  static final long SIZE = 40L * 1024 * 1024;

  /** The client holds the rest of its body back at this point until the store is down. */
  static final long GATE = 20L * 1024 * 1024;

  @TempDir static Path dataDir;
  static PrivateStack s3;
  static StackApi stack;
  static String namespace;

  @BeforeAll
  static void start() {
    s3 = PrivateStack.startNew("s3");
    namespace = TestNamespaces.fresh();
    List<String> props = new java.util.ArrayList<>(s3.properties());
    props.add("spring.temporal.namespace=" + namespace);
    props.add("lumigator.upload-sweep.interval=1s");
    props.add("lumigator.upload-sweep.max-age=5s");
    stack = StackApi.start(dataDir, props.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    try {
      if (stack != null) stack.close();
      if (namespace != null) TestNamespaces.delete(namespace);
    } finally {
      if (s3 != null) s3.close();
    }
  }

  @Test
  void partsLeftByAnUploadCutByAnOutageAreAbortedOnceTheStoreIsBack() throws Exception {
    S3Storage storage = stack.api().getBean(S3Storage.class);
    CountDownLatch storeDown = new CountDownLatch(1);
    MultipartBody body =
        MultipartBody.of()
            .field("format", "job")
            .file(
                "dataset",
                "big.csv",
                () ->
                    new Gated(
                        new DatasetApiStackTest.Generated(SIZE, "examples\n", 1000), storeDown),
                SIZE);
    CompletableFuture<HttpResponse<String>> response =
        stack
            .http()
            .sendAsync(
                HttpRequest.newBuilder(stack.uri("/api/v1/datasets/"))
                    .header("Content-Type", body.contentType())
                    .POST(body.publisher())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // parts of the staged upload are in the store
    awaitTrue(
        () -> partBytes() >= S3Storage.DEFAULT_PART_SIZE, Duration.ofMinutes(1), "a part stored");
    s3.stop("s3");
    storeDown.countDown();

    HttpResponse<String> answer = response.get(2, TimeUnit.MINUTES);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.body()).contains("S3");
    long left = partBytes();
    assertThat(left)
        .as("the upload's abort failed with the store: its parts are still there")
        .isGreaterThanOrEqualTo(S3Storage.DEFAULT_PART_SIZE);
    assertThat(stack.api().getBean(Jdbi.class).onDemand(DatasetDao.class).list(0, 10))
        .as("no dataset row")
        .isEmpty();

    s3.start("s3");
    long back = System.nanoTime();
    awaitTrue(
        () -> partBytes() == 0 && storage.listMultipartUploads("").isEmpty(),
        Duration.ofMinutes(1),
        "the parts aborted by the sweep");
    double seconds = (System.nanoTime() - back) / 1e9;
    System.out.printf(
        "[fault] s3 down during a 40 MB upload: 503, %.1f MB of parts left; swept %.1f s after the"
            + " store was back%n",
        left / 1e6, seconds);

    assertThat(storage.list("")).extracting(ObjectInfo::key).as("no object left").isEmpty();
  }

  /** Bytes of multipart parts and upload stubs S3Proxy's filesystem backend holds. */
  static long partBytes() {
    Path bucket = s3.s3Dir().resolve("lumigator");
    try (Stream<Path> files = Files.walk(bucket)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> bucket.relativize(p).toString().startsWith(".mpus-"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // aborted meanwhile
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void awaitTrue(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.ok()) return;
      Thread.sleep(100);
    }
    throw new AssertionError("not within " + timeout + ": " + what);
  }

  /** Passes bytes through, holding back everything after {@link #GATE} until {@code open}. */
  static final class Gated extends InputStream {
    private final InputStream in;
    private final CountDownLatch open;
    private long pos;

    Gated(InputStream in, CountDownLatch open) {
      this.in = in;
      this.open = open;
    }

    private void gate(int want) throws IOException {
      if (pos + want <= GATE) return;
      try {
        if (!open.await(2, TimeUnit.MINUTES)) throw new IOException("gate never opened");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    @Override
    public int read() throws IOException {
      gate(1);
      int b = in.read();
      if (b >= 0) pos++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = pos < GATE ? (int) Math.min(len, GATE - pos) : len;
      if (n == 0) n = len;
      gate(n);
      int r = in.read(b, off, n);
      if (r > 0) pos += r;
      return r;
    }
  }
}
