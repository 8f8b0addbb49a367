package ai.lumigator.workflows.worker;

import ai.lumigator.activities.jobs.RayJobActivities;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.worker.WorkerFactoryOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interceptors every worker of this process runs its tasks through. */
@Configuration(proxyBeanMethods = false)
public class WorkerInterceptorConfiguration {
  @Bean
  TemporalOptionsCustomizer<WorkerFactoryOptions.Builder> workerInterceptors() {
    return builder ->
        builder.setWorkerInterceptors(
            new DatabaseFailureInterceptor(),
            new KeepAliveHeartbeats(RayJobActivities.SELF_HEARTBEATING));
  }
}
