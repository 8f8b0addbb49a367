package ai.lumigator.api.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /docs}): title, the error
 * schemas, and a 500 on every operation, since any of them can fail unexpectedly.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
  static final String ERROR_SCHEMA = "ErrorResponse";
  static final String VALIDATION_SCHEMA = "HTTPValidationError";

  @Bean
  OpenAPI lumigatorOpenApi(@Value("${lumigator.api.version:0.1.0}") String version) {
    Components components = new Components();
    ModelConverters converters = ModelConverters.getInstance();
    converters.readAll(new AnnotatedType(ErrorResponse.class)).forEach(components::addSchemas);
    converters
        .readAll(new AnnotatedType(ValidationErrorResponse.class))
        .forEach(components::addSchemas);
    return new OpenAPI()
        .info(
            new Info()
                .title("Lumigator API")
                .version(version)
                .description(
                    "Lumigator: evaluate language models on your datasets. Upload a dataset, run"
                        + " inference and evaluation jobs on Ray, compare models. Errors are"
                        + " always JSON {\"detail\": ...}: a message, or for request-shape errors"
                        + " (422) a list of {loc, msg, type}.")
                .license(new License().name("Apache 2.0")))
        .components(components);
  }

  @Bean
  OpenApiCustomizer internalErrorOnEveryOperation() {
    return openApi -> {
      if (openApi.getPaths() == null) return;
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation ->
                              operation
                                  .getResponses()
                                  .computeIfAbsent("500", code -> internalError())));
    };
  }

  private static ApiResponse internalError() {
    return new ApiResponse()
        .description("Internal error: {\"detail\": \"Internal error (ref <id>)\"}, <id> in the log")
        .content(
            new Content()
                .addMediaType(
                    "application/json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
  }
}
