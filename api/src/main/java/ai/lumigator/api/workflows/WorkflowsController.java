package ai.lumigator.api.workflows;

import ai.lumigator.api.openapi.ApiErrorResponses;
import ai.lumigator.persistence.workflows.WorkflowRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/workflows} (API.md, "Experiments and workflows"). */
@RestController
@RequestMapping("/api/v1/workflows")
@Tag(
    name = "workflows",
    description =
        "One model evaluated on an experiment: inference, then the evaluator on its predictions")
public class WorkflowsController {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkflowService service;

  public WorkflowsController(WorkflowService service) {
    this.service = service;
  }

  @PostMapping({"/", ""})
  @ApiErrorResponses.BadRequest
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Create a workflow",
      description =
          "Runs, as one durable Temporal workflow: the inference job `{name}-inference` on the"
              + " experiment's dataset, storing its predictions as the dataset"
              + " `{stem}-{model}-predictions.csv`; the evaluator job `{name}-evaluation` on it;"
              + " then `workflows/results/{id}/compiled.json` and the flat metrics. Status:"
              + " created → running → succeeded | failed (with a reason). `job_timeout_sec`"
              + " applies to each job: a job past it is stopped and the workflow fails. An empty"
              + " `system_prompt` takes the task's default (text-generation has none: 400).")
  public ResponseEntity<WorkflowResponse> create(@RequestBody WorkflowCreateRequest body) {
    WorkflowRow row = service.create(body);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(
            ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/workflows/{id}")
                .buildAndExpand(row.id())
                .toUri())
        .body(WorkflowResponse.of(row));
  }

  @GetMapping({"/{id}", "/{id}/"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Get a workflow in detail",
      description =
          "Jobs with their metrics and parameters, flat metrics, parameters and the download URL"
              + " of compiled.json once succeeded; while it runs, `phase` (inference,"
              + " ingest-predictions, evaluation, compile, done) and the running job's"
              + " `progress`.")
  public WorkflowDetailsResponse get(@PathVariable("id") UUID id) {
    return service.details(id);
  }

  @GetMapping({"/{id}/logs", "/{id}/logs/"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Logs of both jobs",
      description = "The inference job's logs, a line of `=` signs, the evaluator job's logs.")
  public Map<String, String> logs(@PathVariable("id") UUID id) {
    return Map.of("logs", service.logs(id));
  }

  @GetMapping(
      value = {"/{id}/result/download", "/{id}/result/download/"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Conflict
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Download URL of compiled.json",
      description =
          "A JSON string: the presigned URL of the merged results of both jobs. 409 until the"
              + " workflow succeeded.")
  public ResponseEntity<String> resultDownload(@PathVariable("id") UUID id)
      throws JsonProcessingException {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(JSON.writeValueAsString(service.resultDownload(id)));
  }

  @PostMapping({"/{id}/stop", "/{id}/stop/"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Conflict
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Stop a workflow (NEW)",
      description =
          "Stops the running job (its Ray job is stopped, the job ends `stopped`) and records the"
              + " workflow `failed` with the reason \"stopped by user\". 409 once it has ended.")
  public WorkflowResponse stop(@PathVariable("id") UUID id) {
    return WorkflowResponse.of(service.stop(id));
  }

  @DeleteMapping({"/{id}", "/{id}/"})
  @ApiErrorResponses.BadRequest
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Delete a workflow",
      description =
          "Hides the workflow, its jobs and its predictions dataset at once (every read answers"
              + " 404); its deletion workflow removes their results, logs, the dataset's objects"
              + " and compiled.json, then the rows. A running workflow is refused (400) unless"
              + " `force=true`, which has the deletion stop its running job on Ray first.")
  public WorkflowResponse delete(
      @PathVariable("id") UUID id,
      @Parameter(description = "stop a running workflow and its jobs first")
          @RequestParam(name = "force", defaultValue = "false")
          boolean force) {
    return WorkflowResponse.of(service.delete(id, force));
  }
}
