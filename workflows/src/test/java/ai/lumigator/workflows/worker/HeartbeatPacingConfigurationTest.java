package ai.lumigator.workflows.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.workflows.config.LumigatorProperties;
import io.temporal.worker.WorkerOptions;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatPacingConfigurationTest {
  @Test
  void workersHeartbeatFourTimesPerHeartbeatTimeout() {
    LumigatorProperties properties =
        new LumigatorProperties(
            null,
            null,
            new LumigatorProperties.Ray(
                URI.create("http://127.0.0.1:8265"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofMillis(100),
                Duration.ofSeconds(10)),
            null);

    WorkerOptions options =
        new HeartbeatPacingConfiguration()
            .heartbeatPacing(properties)
            .customize(WorkerOptions.newBuilder(), "ray", "lumigator-ray")
            .build();

    // the SDK's own pacing would be 0.8 x 10 s = 8 s: one late heartbeat times the activity out
    assertThat(options.getMaxHeartbeatThrottleInterval()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void aTinyHeartbeatTimeoutStillGivesAPositiveInterval() {
    assertThat(HeartbeatPacingConfiguration.interval(Duration.ofNanos(3))).isPositive();
  }
}
