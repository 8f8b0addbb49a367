package ai.lumigator.api.models;

import ai.lumigator.api.openapi.ApiErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "models", description = "The catalogue of suggested models")
public class ModelsController {
  private final ModelCatalogue catalogue;

  public ModelsController(ModelCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping({"", "/"})
  @Operation(
      operationId = "listModels",
      summary = "Suggested models",
      description =
          "Catalogue entries suiting any of the given tasks (case-insensitive); all entries when"
              + " no task is given. An unknown task is a 400 listing the supported ones.")
  @ApiResponse(responseCode = "200", description = "The matching catalogue entries")
  @ApiErrorResponses.BadRequest
  public ModelListing list(
      @Parameter(
              description = "repeatable: summarization, translation, text-generation",
              example = "summarization")
          @RequestParam(name = "tasks", required = false)
          List<String> tasks) {
    return ModelListing.of(catalogue.forTasks(tasks));
  }
}
