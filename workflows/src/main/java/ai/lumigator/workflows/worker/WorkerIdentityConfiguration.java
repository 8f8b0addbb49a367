package ai.lumigator.workflows.worker;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The worker's identity, recorded by Temporal on every task it starts (ActivityTaskStarted,
 * WorkflowTaskStarted): {@value #PROPERTY} (env {@code LUMIGATOR_WORKER_IDENTITY}) when set, else
 * Temporal's default {@code pid@hostname} (on Kubernetes the hostname is the pod name).
 */
@Configuration(proxyBeanMethods = false)
public class WorkerIdentityConfiguration {
  public static final String PROPERTY = "lumigator.worker.identity";

  @Bean
  TemporalOptionsCustomizer<WorkflowClientOptions.Builder> workerIdentity(Environment environment) {
    String identity = environment.getProperty(PROPERTY, "").trim();
    return builder -> identity.isEmpty() ? builder : builder.setIdentity(identity);
  }
}
