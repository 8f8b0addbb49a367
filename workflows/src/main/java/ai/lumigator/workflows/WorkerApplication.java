package ai.lumigator.workflows;

import ai.lumigator.workflows.config.ActivityConfiguration;
import ai.lumigator.workflows.config.InfrastructureConfiguration;
import ai.lumigator.workflows.storage.UploadSweepConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The worker process: Temporal workers for workflows and activities, no web server. Reads
 * worker.yaml (which imports the shared lumigator.yaml).
 */
@SpringBootApplication
@Import({
  InfrastructureConfiguration.class,
  ActivityConfiguration.class,
  UploadSweepConfiguration.class
})
public class WorkerApplication {
  private static final Logger log = LoggerFactory.getLogger(WorkerApplication.class);

  public static void main(String[] args) {
    new SpringApplicationBuilder(WorkerApplication.class)
        .properties("spring.config.name=worker")
        .run(args);
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    // deploy/local/stack.sh waits for this line
    log.info("Lumigator worker started");
  }
}
