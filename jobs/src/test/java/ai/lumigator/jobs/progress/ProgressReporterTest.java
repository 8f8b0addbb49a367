package ai.lumigator.jobs.progress;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressReporterTest {
  @TempDir Path root;

  Progress read(LocalObjectStore store) throws Exception {
    return JobConfigJson.fromJson(
        Files.readString(store.fileOf(new S3Location("b", "jobs/progress/j1.json"))),
        Progress.class);
  }

  @Test
  void publishesWhileRunningAndAtTheEnd() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root);
    try (ProgressReporter p =
        new ProgressReporter(store, "b", Optional.of("j1"), "test", 10, Duration.ofMillis(20))) {
      assertThat(p.target()).contains(new S3Location("b", "jobs/progress/j1.json"));
      p.add(4);
      long deadline = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < deadline) {
        if (Files.exists(store.fileOf(p.target().get())) && read(store).done() == 4) {
          break;
        }
        Thread.sleep(10);
      }
      assertThat(read(store)).isEqualTo(new Progress(4, 10));
      for (int i = 0; i < 6; i++) {
        p.increment();
      }
    }
    assertThat(read(store)).isEqualTo(new Progress(10, 10));
    assertThat(JobConfigJson.toJson(new Progress(1, 2))).isEqualTo("{\"done\":1,\"total\":2}");
  }

  @Test
  void closingLetsAWriteInFlightFinishInsteadOfInterruptingIt() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    List<String> writes = new CopyOnWriteArrayList<>();
    ObjectStore slow =
        new ObjectStore() {
          @Override
          public InputStream open(S3Location location) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void delete(S3Location location) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void put(S3Location location, byte[] content, String contentType) {
            String body = new String(content, StandardCharsets.UTF_8);
            if (writing.getCount() > 0) {
              writing.countDown();
              long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
              while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) {
                  writes.add("interrupted " + body);
                  return;
                }
                Thread.onSpinWait();
              }
            }
            writes.add(body);
          }

          @Override
          public void put(S3Location location, Path file, String contentType) {
            throw new UnsupportedOperationException();
          }
        };
    ProgressReporter p =
        new ProgressReporter(slow, "b", Optional.of("j"), "t", 2, Duration.ofHours(1));
    assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
    p.add(2);
    p.close();

    assertThat(writes).containsExactly("{\"done\":0,\"total\":2}", "{\"done\":2,\"total\":2}");
  }

  @Test
  void aFailingStoreIsNotFatalAndNoJobIdMeansNoObject() {
    PutOnceStore broken = new PutOnceStore(() -> true);
    try (ProgressReporter p =
        new ProgressReporter(broken, "b", Optional.of("j"), "t", 1, Duration.ofMillis(5))) {
      p.increment();
    }
    try (ProgressReporter p =
        new ProgressReporter(broken, "b", Optional.empty(), "t", 1, Duration.ofMillis(5))) {
      assertThat(p.target()).isEmpty();
      p.increment();
    }
  }

  @Test
  void aStoreThatStopsAnsweringIsLoggedOnceAndTheFinalCountCatchesUpOnceItIsBack()
      throws Exception {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean();
    PutOnceStore flaky = new PutOnceStore(down::get);
    AtomicInteger attempts = flaky.attempts;
    List<String> stored = flaky.stored;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    ai.lumigator.jobs.JobLog.setOut(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      down.set(true);
      ProgressReporter p =
          new ProgressReporter(flaky, "b", Optional.of("j"), "t", 50, Duration.ofMillis(5));
      for (int i = 0; i < 50; i++) {
        p.increment();
        Thread.sleep(2);
      }
      p.close();
      assertThat(attempts.get()).as("a write was tried on several ticks").isGreaterThan(2);
      assertThat(stored).isEmpty();
      String text = log.toString(StandardCharsets.UTF_8);
      assertThat(text.split("could not write progress", -1)).as("logged once").hasSize(2);

      down.set(false);
      p.publishIfBehind();
      assertThat(stored).containsExactly("{\"done\":50,\"total\":50}");
      p.publishIfBehind(); // up to date: nothing more
      assertThat(stored).hasSize(1);
      assertThat(log.toString(StandardCharsets.UTF_8)).contains("progress written again");
    } finally {
      ai.lumigator.jobs.JobLog.setOut(System.out);
    }
  }

  @Test
  void theFinalCountIsTriedAgainWhenTheFirstWriteAfterAnOutageFails() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger(Integer.MAX_VALUE);
    PutOnceStore store = new PutOnceStore(() -> failuresLeft.getAndDecrement() > 0);
    List<String> stored = store.stored;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    ai.lumigator.jobs.JobLog.setOut(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      ProgressReporter p =
          new ProgressReporter(store, "b", Optional.of("j"), "t", 3, Duration.ofMillis(5));
      p.add(3);
      p.close();
      assertThat(stored).isEmpty();

      failuresLeft.set(ProgressReporter.FINAL_ATTEMPTS - 1); // a stale connection or two
      p.publishIfBehind();
      assertThat(stored).containsExactly("{\"done\":3,\"total\":3}");

      ProgressReporter q =
          new ProgressReporter(store, "b", Optional.of("k"), "t", 2, Duration.ofMillis(5));
      failuresLeft.set(Integer.MAX_VALUE);
      q.add(2);
      q.close();
      q.publishIfBehind();
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains(
              "final progress 2/2 not written to s3://b/jobs/progress/k.json after "
                  + ProgressReporter.FINAL_ATTEMPTS
                  + " attempts (S3 down)");
    } finally {
      ai.lumigator.jobs.JobLog.setOut(System.out);
    }
  }

  /** Takes quick writes only; each fails while {@code failing} says so. */
  static final class PutOnceStore implements ObjectStore {
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> stored = new CopyOnWriteArrayList<>();
    private final java.util.function.BooleanSupplier failing;

    PutOnceStore(java.util.function.BooleanSupplier failing) {
      this.failing = failing;
    }

    @Override
    public InputStream open(S3Location location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(S3Location location) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void put(S3Location location, byte[] content, String contentType) {
      throw new AssertionError("progress must not use the waiting put");
    }

    @Override
    public void putOnce(S3Location location, byte[] content, String contentType) {
      attempts.incrementAndGet();
      if (failing.getAsBoolean()) throw new IllegalStateException("S3 down");
      stored.add(new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void put(S3Location location, Path file, String contentType) {
      throw new UnsupportedOperationException();
    }
  }
}
