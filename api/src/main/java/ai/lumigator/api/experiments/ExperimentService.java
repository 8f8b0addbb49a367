package ai.lumigator.api.experiments;

import ai.lumigator.api.deletions.Deletions;
import ai.lumigator.api.errors.NotFoundException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.api.workflows.WorkflowDetailsResponse;
import ai.lumigator.api.workflows.WorkflowService;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Experiments: a dataset, a task and max_samples that workflows (one per model) evaluate. */
@Service
public class ExperimentService {
  private static final Logger log = LoggerFactory.getLogger(ExperimentService.class);

  private final ExperimentDao experiments;
  private final DatasetDao datasets;
  private final WorkflowService workflows;
  private final Deletions deletions;
  private final CompiledSamples compiled;
  private final Clock clock = Clock.systemUTC();

  public ExperimentService(
      Jdbi jdbi, WorkflowService workflows, Deletions deletions, CompiledSamples compiled) {
    this.experiments = jdbi.onDemand(ExperimentDao.class);
    this.datasets = jdbi.onDemand(DatasetDao.class);
    this.workflows = workflows;
    this.deletions = deletions;
    this.compiled = compiled;
  }

  ExperimentRow create(ExperimentCreate body) {
    ExperimentSpec spec = body.spec();
    String datasetId = spec.datasetId().toString();
    if (datasets.findById(datasetId).isEmpty()) {
      throw new NotFoundException("Dataset", spec.datasetId());
    }
    long now = clock.millis();
    ExperimentRow row =
        new ExperimentRow(
            UUID.randomUUID().toString(),
            spec.name(),
            spec.description(),
            datasetId,
            spec.maxSamples(),
            JobConfigJson.toJson(spec.taskDefinition()),
            now,
            now);
    experiments.insert(row);
    log.info("Experiment {} created on dataset {}", row.id(), datasetId);
    return row;
  }

  /** Newest first; workflows in detail as recorded (no live phase: that is per experiment). */
  public ExperimentListing list(long skip, long limit) {
    List<ExperimentResponse> items =
        experiments.list(skip, limit).stream().map(e -> response(e, false)).toList();
    return new ExperimentListing(experiments.count(), items);
  }

  public ExperimentRow row(UUID id) {
    return experiments
        .findById(id.toString())
        .orElseThrow(() -> new NotFoundException("Experiment", id));
  }

  /** The experiment with every workflow in detail, running ones with their phase and progress. */
  public ExperimentResponse get(UUID id) {
    return response(row(id), true);
  }

  ExperimentResponse response(ExperimentRow row, boolean live) {
    List<WorkflowDetailsResponse> details =
        workflows.ofExperiment(row.id()).stream().map(w -> workflows.details(w, live)).toList();
    return ExperimentResponse.of(row, details);
  }

  /**
   * The leaderboard with its statistics; when S3 cannot be read it still answers, without them, and
   * its notes say why.
   */
  public LeaderboardResponse leaderboard(
      UUID id, String sort, String order, Integer resamples, Long seed) {
    LeaderboardStatistics.Settings settings = LeaderboardStatistics.Settings.of(resamples, seed);
    ExperimentRow row = row(id);
    List<WorkflowRow> all = workflows.ofExperiment(row.id());
    Map<String, Double> costs = new LinkedHashMap<>();
    for (WorkflowRow w : Leaderboard.succeeded(all)) {
      Double cost = workflows.usage(w).estimatedCostUsd();
      if (cost != null) costs.put(w.id(), cost);
    }
    Map<String, WorkflowSamples> found = new LinkedHashMap<>();
    try {
      for (WorkflowRow w : Leaderboard.succeeded(all)) {
        compiled.scores(w).ifPresent(s -> found.put(w.id(), s));
      }
    } catch (UpstreamException e) {
      log.warn("Leaderboard of experiment {} without statistics: {}", row.id(), e.getMessage());
      found.clear();
      settings.notes().add("No intervals or comparisons: " + e.getMessage());
    }
    return Leaderboard.of(row, all, sort, order, found, settings, costs);
  }

  /** The samples of the succeeded workflows side by side; S3 unreachable → 503. */
  SamplesPage samples(UUID id, long skip, long limit, String sort) {
    ExperimentRow row = row(id);
    List<WorkflowRow> succeeded = Leaderboard.succeeded(workflows.ofExperiment(row.id()));
    Map<String, WorkflowSamples> found = new LinkedHashMap<>();
    for (WorkflowRow w : succeeded) compiled.withTexts(w).ifPresent(s -> found.put(w.id(), s));
    return ExperimentSamples.of(row.id(), succeeded, found, skip, limit, sort);
  }

  /**
   * Hides the experiment with its workflows, jobs and generated datasets at once; its deletion
   * workflow stops the running workflows and their jobs, then removes their results, generated
   * datasets, rows and the experiment.
   */
  public void delete(UUID id) {
    ExperimentRow row = row(id);
    deletions.experiment(row.id());
  }
}
