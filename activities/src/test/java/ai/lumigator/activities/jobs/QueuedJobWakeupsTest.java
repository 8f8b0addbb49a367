package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueuedJobWakeupsTest {
  private final QueuedJobWakeups wakeups = new QueuedJobWakeups();

  @Test
  void aWaitEndsWhenAJobEndsLongBeforeItsTimeout() throws Exception {
    long ticket = wakeups.enqueue();
    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return wakeups.await(ticket, Duration.ofHours(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    wakeups.jobEnded(QueuedJobWakeups.NONE);
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anEndSignalledWhileTheWaitAskedRayIsNotMissed() throws Exception {
    long ticket = wakeups.enqueue();
    wakeups.jobEnded(QueuedJobWakeups.NONE);
    assertThat(wakeups.await(ticket, Duration.ofHours(1))).isTrue();
    // consumed: the next wait lasts its timeout
    assertThat(wakeups.await(ticket, Duration.ofMillis(20))).isFalse();
  }

  @Test
  void eachEndWakesOnlyTheLongestWaiting() throws Exception {
    long first = wakeups.enqueue();
    long second = wakeups.enqueue();
    long third = wakeups.enqueue();
    wakeups.jobEnded(QueuedJobWakeups.NONE);
    assertThat(wakeups.await(first, Duration.ofHours(1))).isTrue();
    assertThat(wakeups.await(second, Duration.ofHours(1))).isTrue();
    assertThat(wakeups.await(third, Duration.ofMillis(20))).isFalse();

    wakeups.leave(first); // its job started
    wakeups.jobEnded(QueuedJobWakeups.NONE);
    assertThat(wakeups.await(second, Duration.ofHours(1))).isTrue();
    assertThat(wakeups.await(third, Duration.ofHours(1))).isTrue();
  }

  @Test
  void withoutAnEndTheWaitLastsItsTimeout() throws Exception {
    long start = System.nanoTime();
    assertThat(wakeups.await(wakeups.enqueue(), Duration.ofMillis(50))).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
  }

  @Test
  void aWaitWhoseJobEndedLeavesTheQueueAndWakesTheNextOnes() throws Exception {
    long ended = wakeups.enqueue();
    long second = wakeups.enqueue();
    long third = wakeups.enqueue();
    wakeups.jobEnded(ended);
    assertThat(wakeups.await(ended, Duration.ofMillis(20))).isFalse();
    assertThat(wakeups.await(second, Duration.ofHours(1))).isTrue();
    assertThat(wakeups.await(third, Duration.ofHours(1))).isTrue();
  }
}
