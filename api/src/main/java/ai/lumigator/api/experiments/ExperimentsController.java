package ai.lumigator.api.experiments;

import ai.lumigator.api.errors.PageParameters;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.api.openapi.ApiErrorResponses;
import ai.lumigator.persistence.experiments.ExperimentRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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

/** {@code /api/v1/experiments} (API.md, "Experiments and workflows"), and the leaderboard. */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(
    name = "experiments",
    description = "A dataset, a task and max_samples; one workflow per model")
public class ExperimentsController {
  private static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final ExperimentService service;

  public ExperimentsController(ExperimentService service) {
    this.service = service;
  }

  @PostMapping({"/", ""})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Create an experiment",
      description =
          "404 when the dataset does not exist. `task_definition` defaults to summarization.")
  public ResponseEntity<ExperimentResponse> create(@RequestBody ExperimentCreate body) {
    ExperimentRow row = service.create(body);
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(
            ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/experiments/{id}")
                .buildAndExpand(row.id())
                .toUri())
        .body(ExperimentResponse.of(row, List.of()));
  }

  @GetMapping({"/", ""})
  @ApiErrorResponses.Validation
  @Operation(summary = "List experiments", description = "Newest first, with their workflows.")
  public ExperimentListing list(
      @RequestParam(name = "skip", defaultValue = "0") long skip,
      @RequestParam(name = "limit", defaultValue = "100") long limit) {
    PageParameters.check(skip, limit);
    return service.list(skip, limit);
  }

  /**
   * The listing where the published SDK (0.1.4a0) asks for it: the original served it here before
   * it moved to the collection's own path. An alias, kept out of the document as the original's
   * current one does.
   */
  @GetMapping({"/all", "/all/"})
  @Operation(hidden = true)
  public ExperimentListing listAll(
      @RequestParam(name = "skip", defaultValue = "0") long skip,
      @RequestParam(name = "limit", defaultValue = "100") long limit) {
    return list(skip, limit);
  }

  @GetMapping({"/{id}", "/{id}/"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Get an experiment",
      description = "With every workflow in detail; running ones with their phase and progress.")
  public ExperimentResponse get(@PathVariable("id") UUID id) {
    return service.get(id);
  }

  @DeleteMapping({"/{id}", "/{id}/"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Delete an experiment",
      description =
          "Hides the experiment, its workflows, their jobs and the predictions datasets they"
              + " generated at once (every read answers 404); its deletion workflow stops the"
              + " running workflows and their jobs (the Ray jobs are stopped), then removes"
              + " results.json, logs, compiled.json and the datasets' S3 objects, then the rows."
              + " The uploaded dataset it was run on is kept.")
  public ResponseEntity<Void> delete(@PathVariable("id") UUID id) {
    service.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping({"/{id}/samples", "/{id}/samples/"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Samples side by side (NEW)",
      description =
          "Each sample of the experiment's succeeded workflows, aligned by index: the example, the"
              + " ground truth, each workflow's prediction and per-sample scores (`keys`:"
              + " `<metric>_<key>`, e.g. rouge_rouge1). `sort=index` (default) or a per-sample key:"
              + " by the spread (max - min across the workflows) of that key, largest first, ties"
              + " by index; an unknown key is 422 listing the keys. Workflows with different"
              + " numbers of samples are aligned by index and `notes` says so. 503 when S3 cannot"
              + " be read.")
  public SamplesPage samples(
      @PathVariable("id") UUID id,
      @RequestParam(name = "skip", defaultValue = "0") long skip,
      @RequestParam(name = "limit", defaultValue = "50") long limit,
      @Parameter(description = "index (default) or a per-sample key such as rouge_rouge1")
          @RequestParam(name = "sort", required = false)
          String sort) {
    PageParameters.check(skip, limit);
    return service.samples(id, skip, limit, sort);
  }

  @GetMapping(
      value = {"/{id}/leaderboard", "/{id}/leaderboard/"},
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @ApiErrorResponses.NotFound
  @ApiErrorResponses.Validation
  @Operation(
      summary = "Leaderboard (NEW)",
      description =
          "One row per succeeded workflow: workflow id, name, model, provider, inference and"
              + " evaluation time (s), and every flat metric (scores and token averages). Sorted"
              + " by `sort` (any metric key, `inference_time`, `evaluation_time` or"
              + " `estimated_cost_usd`; an unknown key is 422 listing the available ones), by"
              + " default the mean of the task's first default metric (summarization:"
              + " rouge_rouge1_mean), `order` desc; without `order`, `estimated_cost_usd`,"
              + " `latency_p50_ms` and `latency_p95_ms` sort asc (cheapest, fastest first)."
              + " `format=csv` answers text/csv with a header row. NEW: `intervals` (95% percentile"
              + " bootstrap of each mean over the samples), `comparisons` (paired permutation test"
              + " of each pair on the sort key; exact when 2^n <= resamples) and `tied_with`;"
              + " `resamples` (100..100000, default 1000) and `seed` (default 0) make them"
              + " reproducible.")
  public ResponseEntity<?> leaderboard(
      @PathVariable("id") UUID id,
      @Parameter(description = "metric key, inference_time, evaluation_time or estimated_cost_usd")
          @RequestParam(name = "sort", required = false)
          String sort,
      @Parameter(description = "asc or desc (default desc; asc for cost and latency)")
          @RequestParam(name = "order", required = false)
          String order,
      @Parameter(description = "json (default) or csv")
          @RequestParam(name = "format", required = false)
          String format,
      @Parameter(description = "bootstrap and permutation resamples, 100..100000 (default 1000)")
          @RequestParam(name = "resamples", required = false)
          Integer resamples,
      @Parameter(description = "seed of the resampling (default 0)")
          @RequestParam(name = "seed", required = false)
          Long seed) {
    String f = format == null ? "json" : format.strip().toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("csv")) {
      throw new RequestShapeException(
          List.of(
              new ValidationError(
                  List.of("query", "format"), "Input should be 'json' or 'csv'", "enum")));
    }
    LeaderboardResponse board = service.leaderboard(id, sort, order, resamples, seed);
    if (f.equals("json"))
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(board);
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leaderboard-" + id + ".csv\"")
        .body(LeaderboardCsv.write(board));
  }
}
