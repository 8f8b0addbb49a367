package ai.lumigator.api;

import ai.lumigator.workflows.config.InfrastructureConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The API process: REST controllers that read the database and start workflows. No worker. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(InfrastructureConfiguration.class)
public class ApiApplication {
  public static void main(String[] args) {
    SpringApplication.run(ApiApplication.class, args);
  }
}
