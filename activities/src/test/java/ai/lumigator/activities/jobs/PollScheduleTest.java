package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private final PollSchedule schedule =
      new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void pollsAtTheMinimumRightAfterAChange() {
    assertThat(schedule.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
    assertThat(schedule.next(Duration.ofMillis(1999))).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void growsWithATwentiethOfTheTimeSinceTheChange() {
    assertThat(schedule.next(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(150));
    assertThat(schedule.next(Duration.ofSeconds(15))).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void neverWaitsLongerThanTheMaximum() {
    assertThat(schedule.next(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule.next(Duration.ofHours(5))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aMinimumAboveTheMaximumIsCappedToIt() {
    PollSchedule fixed = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(1));
    assertThat(fixed.next(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    assertThat(fixed.next(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusesANonPositiveMinimum() {
    assertThatThrownBy(() -> new PollSchedule(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPendingJobGrowsUpToItsOwnLongerMaximum() {
    PollSchedule queued =
        new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(queued.nextWhilePending(Duration.ZERO)).isEqualTo(Duration.ofMillis(100));
    assertThat(queued.nextWhilePending(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(3));
    assertThat(queued.nextWhilePending(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
    assertThat(queued.next(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(1));
    // without a pending maximum, or one below the maximum, pending jobs are polled like others
    assertThat(schedule.nextWhilePending(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(1));
    assertThat(
            new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(10))
                .nextWhilePending(Duration.ofHours(1)))
        .isEqualTo(Duration.ofSeconds(1));
  }
}
