package ai.lumigator.api.errors;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read as pydantic reads them: a string field takes only a JSON string, an
 * integer field no fraction, and every problem of a body is noted rather than only the first
 * ({@link BodyProblems}).
 */
@Configuration
class BodyReadingConfiguration {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer pydanticLikeBodies() {
    return builder ->
        builder
            .deserializerByType(String.class, new StrictString())
            .deserializerByType(Integer.class, new LaxInteger())
            .postConfigurer(mapper -> mapper.addHandler(new BodyProblems()));
  }
}
