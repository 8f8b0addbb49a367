package ai.lumigator.api.models;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the catalogue at start-up: a broken file stops the API before it serves a request. */
@Configuration(proxyBeanMethods = false)
public class ModelsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(ModelsConfiguration.class);

  @Bean
  ModelCatalogue modelCatalogue(
      ResourceLoader resources,
      @Value("${lumigator.api.models.catalogue:classpath:models.yaml}") String location) {
    Resource resource = resources.getResource(location);
    try (InputStream in = resource.getInputStream()) {
      ModelCatalogue catalogue = ModelCatalogue.read(location, in);
      log.info("Model catalogue {}: {} models", location, catalogue.entries().size());
      return catalogue;
    } catch (FileNotFoundException e) {
      throw new ModelCatalogueException(location, List.of("file not found"));
    } catch (IOException e) {
      throw new ModelCatalogueException(location, List.of("cannot be read: " + e.getMessage()));
    }
  }
}
