package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.PageParameters;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/jobs} (API.md, "Jobs"). Reads come from the database; Ray is never needed. */
@RestController
@RequestMapping("/api/v1/jobs")
public class JobsController {
  private static final Set<String> TYPES =
      Set.of(JobTypes.INFERENCE, JobTypes.EVALUATOR, JobTypes.ANNOTATE);

  private final JobService service;

  public JobsController(JobService service) {
    this.service = service;
  }

  @PostMapping({"/inference/", "/inference"})
  public ResponseEntity<JobResponse> inference(
      @RequestBody JobCreateRequest<InferenceConfigRequest> body) {
    return created(service.create(body));
  }

  @PostMapping({"/evaluator/", "/evaluator"})
  public ResponseEntity<JobResponse> evaluator(
      @RequestBody JobCreateRequest<EvaluatorConfigRequest> body) {
    return created(service.create(body));
  }

  @PostMapping({"/annotate/", "/annotate"})
  public ResponseEntity<JobResponse> annotate(
      @RequestBody JobCreateRequest<AnnotateConfigRequest> body) {
    return created(service.create(body));
  }

  @GetMapping({"/", ""})
  public JobListing list(
      @RequestParam(name = "job_types", required = false) List<String> jobTypes,
      @RequestParam(name = "skip", defaultValue = "0") long skip,
      @RequestParam(name = "limit", defaultValue = "100") long limit) {
    List<ValidationError> errors = new ArrayList<>();
    List<String> types = jobTypes == null ? List.of() : jobTypes;
    for (int i = 0; i < types.size(); i++) {
      if (!TYPES.contains(types.get(i))) {
        errors.add(
            new ValidationError(
                List.of("query", "job_types", i),
                "Input should be 'inference', 'evaluator' or 'annotate'",
                "enum"));
      }
    }
    errors.addAll(PageParameters.problems(skip, limit));
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
    return service.list(types, skip, limit);
  }

  @GetMapping({"/{id}", "/{id}/"})
  public Map<String, Object> get(@PathVariable("id") UUID id) {
    return JobDetails.of(service.get(id));
  }

  @GetMapping({"/{id}/logs", "/{id}/logs/"})
  public Map<String, String> logs(@PathVariable("id") UUID id) {
    return Map.of("logs", service.logs(id));
  }

  @GetMapping({"/{id}/result", "/{id}/result/"})
  public JsonNode result(@PathVariable("id") UUID id) {
    return service.result(id);
  }

  @GetMapping({"/{id}/result/download", "/{id}/result/download/"})
  public Map<String, String> resultDownload(@PathVariable("id") UUID id) {
    return service.resultDownload(id);
  }

  @GetMapping({"/{id}/dataset", "/{id}/dataset/"})
  public GeneratedDatasetResponse dataset(@PathVariable("id") UUID id) {
    return service.dataset(id);
  }

  @PostMapping({"/{id}/stop", "/{id}/stop/"})
  public JobResponse stop(@PathVariable("id") UUID id) {
    return JobResponse.of(service.stop(id));
  }

  private static ResponseEntity<JobResponse> created(JobRow row) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(
            ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/jobs/{id}")
                .buildAndExpand(row.id())
                .toUri())
        .body(JobResponse.of(row));
  }
}
