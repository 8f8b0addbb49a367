package ai.lumigator.activities.deletions;

import ai.lumigator.activities.cache.CacheKeys;
import ai.lumigator.activities.datasets.DatasetKeys;
import ai.lumigator.activities.evaluations.EvaluationKeys;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobTypes;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowJobRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DeletionActivities} against the database, S3 and Temporal (for the stops). */
public class DeletionActivitiesImpl implements DeletionActivities {
  private static final Logger log = LoggerFactory.getLogger(DeletionActivitiesImpl.class);

  /** How long one attempt of {@link #stop} waits for the workflows to close. */
  public static final Duration STOP_WAIT = Duration.ofSeconds(90);

  private static final Duration WAIT_STEP = Duration.ofSeconds(5);

  private final WorkflowDao workflows;
  private final JobDao jobs;
  private final DatasetDao datasets;
  private final ExperimentDao experiments;
  private final S3Storage storage;
  private final WorkflowClient client;

  public DeletionActivitiesImpl(
      WorkflowDao workflows,
      JobDao jobs,
      DatasetDao datasets,
      ExperimentDao experiments,
      S3Storage storage,
      WorkflowClient client) {
    this.workflows = workflows;
    this.jobs = jobs;
    this.datasets = datasets;
    this.experiments = experiments;
    this.storage = storage;
    this.client = client;
  }

  @Override
  public DeletionPlan plan(DeletionRequest request) {
    Plan p = new Plan();
    switch (request.kind()) {
      case DeletionRequest.DATASET -> p.dataset(request.id());
      case DeletionRequest.WORKFLOW -> p.workflow(request.id());
      case DeletionRequest.EXPERIMENT -> {
        Set<String> ran = new LinkedHashSet<>();
        for (WorkflowRow w : workflows.listAnyByExperiment(request.id())) {
          workflows.jobsOf(w.id()).forEach(l -> ran.add(l.jobId()));
          p.workflow(w.id());
        }
        for (JobRow job : jobs.findAnyByExperiment(request.id())) {
          if (ran.contains(job.id())) continue;
          p.standaloneJobIds.add(job.id());
          p.job(job);
        }
        p.experimentId = request.id();
      }
      default ->
          throw ApplicationFailure.newNonRetryableFailure(
              "unknown kind of deletion: " + request.kind(), "BadDeletion");
    }
    return p.build();
  }

  @Override
  public void stop(List<StopTarget> targets) {
    List<String> cancelled = new ArrayList<>();
    for (StopTarget t : targets) {
      try {
        client.newUntypedWorkflowStub(t.temporalWorkflowId()).cancel();
        cancelled.add(t.temporalWorkflowId());
        log.info("{}: stop requested for a deletion", t.temporalWorkflowId());
      } catch (WorkflowNotFoundException e) {
        // closed already, or never started: nothing runs
      }
    }
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (String id : cancelled) {
      while (true) {
        Activity.getExecutionContext().heartbeat(id);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw ApplicationFailure.newFailure(
              id + " still stopping after " + STOP_WAIT.toSeconds() + " s", "StillStopping");
        }
        long step = Math.min(left, WAIT_STEP.toNanos());
        try {
          client
              .newUntypedWorkflowStub(id)
              .getResult(
                  TimeUnit.NANOSECONDS.toMillis(step) + 1, TimeUnit.MILLISECONDS, Object.class);
          break;
        } catch (TimeoutException e) {
          // still running: heartbeat and wait on
        } catch (WorkflowException e) {
          break; // cancelled (the expected end), failed or not found: it no longer runs
        }
      }
    }
  }

  @Override
  public void removeObjects(DeletionPlan plan) {
    int removed = 0;
    for (String prefix : plan.prefixes()) removed += storage.deletePrefix(prefix);
    for (String key : plan.keys()) storage.deleteKey(key);
    log.info(
        "Deletion: {} object(s) under {} prefix(es) and {} key(s) removed",
        removed,
        plan.prefixes().size(),
        plan.keys().size());
  }

  @Override
  public void removeRows(DeletionPlan plan) {
    plan.datasetIds().forEach(datasets::delete);
    plan.jobIds().forEach(jobs::delete);
    plan.workflowIds().forEach(workflows::delete);
    if (plan.experimentId() != null) experiments.delete(plan.experimentId());
    log.info(
        "Deletion: {} workflow(s), {} job(s), {} dataset(s){} removed",
        plan.workflowIds().size(),
        plan.jobIds().size(),
        plan.datasetIds().size(),
        plan.experimentId() == null ? "" : " and experiment " + plan.experimentId());
  }

  /** The plan under construction; sets keep each id once, in the order found. */
  private final class Plan {
    final Set<String> workflowIds = new LinkedHashSet<>();
    final Set<String> standaloneJobIds = new LinkedHashSet<>();
    final Set<String> jobIds = new LinkedHashSet<>();
    final Set<String> datasetIds = new LinkedHashSet<>();
    final Set<String> prefixes = new LinkedHashSet<>();
    final Set<String> keys = new LinkedHashSet<>();
    String experimentId;

    void dataset(String id) {
      datasetIds.add(id);
      prefixes.add(DatasetKeys.root(id));
      // the cache entries of inferences on it hold its rows
      for (String cache : jobs.cacheJsonOfJobsOn(id)) {
        CacheKeys.prefixOfJob(cache).ifPresent(prefixes::add);
      }
    }

    void workflow(String id) {
      workflowIds.add(id);
      for (WorkflowJobRow link : workflows.jobsOf(id)) {
        jobs.findAnyById(link.jobId()).ifPresent(this::job);
      }
      prefixes.add(EvaluationKeys.root(id));
    }

    void job(JobRow job) {
      jobIds.add(job.id());
      String resultsKey =
          job.resultsKey() != null
              ? job.resultsKey()
              : JobPaths.namedResultsKey(job.name(), job.id());
      prefixes.add(resultsKey.substring(0, resultsKey.lastIndexOf('/') + 1));
      prefixes.add(JobPaths.progressKey(job.id()));
      prefixes.add("jobs/outputs/" + job.id() + "/");
      keys.add(JobPaths.secretKey(job.id()));
      CacheKeys.prefixOfJob(job.cacheJson()).ifPresent(prefixes::add);
      if (job.generatedDatasetId() != null) dataset(job.generatedDatasetId());
      if (!JobTypes.EVALUATOR.equals(job.jobType())) {
        // also a dataset whose ingest ran but was not yet linked to the job
        dataset(DatasetKeys.generatedDatasetId(job.id()));
      }
      ;
      for (DatasetRow d : datasets.findAnyByRunId(job.id())) dataset(d.id());
    }

    DeletionPlan build() {
      return new DeletionPlan(
          List.copyOf(workflowIds),
          List.copyOf(standaloneJobIds),
          List.copyOf(jobIds),
          List.copyOf(datasetIds),
          List.copyOf(prefixes),
          List.copyOf(keys),
          experimentId);
    }
  }
}
