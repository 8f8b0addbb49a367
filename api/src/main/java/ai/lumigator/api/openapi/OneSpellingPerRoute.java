package ai.lumigator.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Routes answer with and without a trailing slash (clients of the original send either), but the
 * document lists each route once, in the original's spelling: a route without path variables ends
 * with a slash ({@code /api/v1/experiments/}), one with variables does not ({@code
 * /api/v1/experiments/{id}}). A path whose other spelling is not mapped stays as it is.
 */
@Component
class OneSpellingPerRoute implements OpenApiCustomizer {
  @Override
  public void customise(OpenAPI openApi) {
    Paths paths = openApi.getPaths();
    if (paths == null) return;
    for (String path : List.copyOf(paths.keySet())) {
      String other = otherSpelling(path);
      if (!isOriginalSpelling(path) && paths.containsKey(other)) {
        paths.remove(path);
      }
    }
  }

  static boolean isOriginalSpelling(String path) {
    return path.endsWith("/") != path.contains("{");
  }

  private static String otherSpelling(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
  }
}
