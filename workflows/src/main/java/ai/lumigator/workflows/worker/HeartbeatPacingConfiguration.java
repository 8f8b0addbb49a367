package ai.lumigator.workflows.worker;

import ai.lumigator.workflows.config.LumigatorProperties;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How often a worker sends the heartbeats its activities record. The SDK sends at most one every
 * 0.8 heartbeat timeouts, so a heartbeat that needs more than the remaining fifth to reach a busy
 * server times the activity out although its worker is alive: with 50 workflows started at once on
 * two CPUs, 7 of the first 50 waits on Ray timed out that way and were retried. One every quarter
 * of the timeout leaves three chances before it expires.
 */
@Configuration(proxyBeanMethods = false)
public class HeartbeatPacingConfiguration {
  static final int HEARTBEATS_PER_TIMEOUT = 4;

  @Bean
  WorkerOptionsCustomizer heartbeatPacing(LumigatorProperties properties) {
    Duration interval = interval(properties.ray().heartbeatTimeout());
    return (builder, workerName, taskQueue) -> builder.setMaxHeartbeatThrottleInterval(interval);
  }

  static Duration interval(Duration heartbeatTimeout) {
    Duration interval = heartbeatTimeout.dividedBy(HEARTBEATS_PER_TIMEOUT);
    return interval.isZero() ? Duration.ofMillis(1) : interval;
  }
}
