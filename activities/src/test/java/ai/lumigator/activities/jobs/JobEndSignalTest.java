package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobEndSignalTest {
  private final JobEndSignal signal = new JobEndSignal();

  @Test
  void aWaitEndsWhenAJobEndsLongBeforeItsTimeout() throws Exception {
    long seen = signal.ends();
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return signal.awaitEnd(seen, Duration.ofHours(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    signal.jobEnded();
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anEndSignalledBetweenReadingAndWaitingIsNotMissed() throws Exception {
    long seen = signal.ends();
    signal.jobEnded(); // e.g. while the waiting thread was asking Ray
    assertThat(signal.awaitEnd(seen, Duration.ofHours(1))).isTrue();
  }

  @Test
  void withoutAnEndTheWaitLastsItsTimeout() throws Exception {
    long start = System.nanoTime();
    assertThat(signal.awaitEnd(signal.ends(), Duration.ofMillis(50))).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
  }
}
