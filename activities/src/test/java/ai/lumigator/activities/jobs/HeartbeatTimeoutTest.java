package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.client.ActivityCanceledException;
import io.temporal.failure.TimeoutFailure;
import org.junit.jupiter.api.Test;

/**
 * The SDK signals "heartbeats undeliverable for a whole heartbeat timeout" (Temporal down) with the
 * same exception as a real cancellation; only a real one may stop the Ray job.
 */
class HeartbeatTimeoutTest {
  @Test
  void aHeartbeatTimedOutLocallyIsNotACancellation() {
    var lostTemporal =
        new ActivityCanceledException(
            null, new TimeoutFailure(null, null, TimeoutType.TIMEOUT_TYPE_HEARTBEAT));
    assertThat(RayJobActivitiesImpl.timedOutLocally(lostTemporal)).isTrue();
  }

  @Test
  void aCancellationRequestedByTheServerIs() {
    assertThat(RayJobActivitiesImpl.timedOutLocally(new ActivityCanceledException())).isFalse();
    var otherTimeout =
        new ActivityCanceledException(
            null, new TimeoutFailure(null, null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE));
    assertThat(RayJobActivitiesImpl.timedOutLocally(otherTimeout)).isFalse();
  }
}
