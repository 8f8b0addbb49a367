package ai.lumigator.api.workflows;

import ai.lumigator.activities.datasets.DatasetKeys;
import ai.lumigator.activities.evaluations.EvaluationKeys;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.errors.ConflictException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobTypes;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowJobRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.evaluations.EvaluationResult;
import ai.lumigator.workflows.evaluations.EvaluationWorkflow;
import ai.lumigator.workflows.jobs.JobWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stopping workflows and removing everything they made: the jobs (rows, results, progress, staged
 * outputs), the predictions datasets (rows and objects), compiled results and the workflow rows.
 * Objects go before rows, so a failure half-way leaves rows to retry the delete from, never objects
 * nobody can find.
 */
@Component
public class WorkflowRemoval {
  private static final Logger log = LoggerFactory.getLogger(WorkflowRemoval.class);

  /** How long a stop or delete waits for the workflows to stop their jobs and record it. */
  static final Duration STOP_WAIT = Duration.ofSeconds(90);

  private final WorkflowDao workflows;
  private final JobDao jobs;
  private final DatasetDao datasets;
  private final S3Storage storage;
  private final WorkflowClient client;
  private final Clock clock = Clock.systemUTC();

  WorkflowRemoval(Jdbi jdbi, S3Storage storage, WorkflowClient client) {
    this.workflows = jdbi.onDemand(WorkflowDao.class);
    this.jobs = jdbi.onDemand(JobDao.class);
    this.datasets = jdbi.onDemand(DatasetDao.class);
    this.storage = storage;
    this.client = client;
  }

  /**
   * Cancels the evaluation workflow of every workflow that has not ended (which stops its running
   * job on Ray and records it {@code failed}, "stopped by user"), then waits until they all have.
   *
   * @return true when all ended within {@code wait}
   */
  public boolean stop(Collection<WorkflowRow> rows, Duration wait) {
    Set<String> cancelled = new LinkedHashSet<>();
    for (WorkflowRow row : rows) {
      if (WorkflowStatuses.isTerminal(row.status())) continue;
      try {
        client.newUntypedWorkflowStub(WorkflowIds.evaluation(row.id())).cancel();
        cancelled.add(row.id());
        log.info("Workflow {}: stop requested", row.id());
      } catch (WorkflowNotFoundException e) {
        // never started, or closed meanwhile: nothing runs that could record the stop
        if (workflows.markFailed(row.id(), EvaluationWorkflow.STOPPED_BY_USER, clock.millis())) {
          log.warn("Workflow {} had no running workflow; recorded it stopped", row.id());
        }
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    boolean allEnded = true;
    for (String id : cancelled) {
      long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        client
            .newUntypedWorkflowStub(WorkflowIds.evaluation(id))
            .getResult(left, TimeUnit.MILLISECONDS, EvaluationResult.class);
      } catch (TimeoutException e) {
        log.warn("Workflow {} still stopping after {}", id, wait);
        allEnded = false;
      } catch (WorkflowException e) {
        // cancelled (the expected end) or otherwise closed
      }
    }
    return allEnded;
  }

  /** {@link #stop} for a delete: 409 when some workflow has not stopped in time. */
  public void stopForDelete(Collection<WorkflowRow> rows) {
    if (!stop(rows, STOP_WAIT)) {
      throw new ConflictException(
          "The running workflows are still stopping their jobs; delete again in a moment");
    }
  }

  /** Removes the workflow's jobs, datasets and objects, then its row. */
  public void remove(WorkflowRow row) {
    try {
      for (WorkflowJobRow link : workflows.jobsOf(row.id())) {
        jobs.findById(link.jobId()).ifPresent(this::removeJob);
      }
      storage.deletePrefix(EvaluationKeys.root(row.id()));
    } catch (StorageException e) {
      throw new UpstreamException("S3", e.getMessage(), e);
    }
    workflows.delete(row.id());
    log.info("Workflow {} deleted with its jobs and datasets", row.id());
  }

  /** Removes a job's objects, the dataset it generated, then its row. */
  public void removeJob(JobRow job) {
    String resultsKey =
        job.resultsKey() != null
            ? job.resultsKey()
            : JobPaths.namedResultsKey(job.name(), job.id());
    storage.deletePrefix(resultsKey.substring(0, resultsKey.lastIndexOf('/') + 1));
    storage.deletePrefix(JobPaths.progressKey(job.id()));
    storage.deleteKey(JobPaths.secretKey(job.id()));
    storage.deletePrefix("jobs/outputs/" + job.id() + "/");
    Set<String> generated = new LinkedHashSet<>();
    if (job.generatedDatasetId() != null) generated.add(job.generatedDatasetId());
    if (!JobTypes.EVALUATOR.equals(job.jobType())) {
      // also a dataset whose ingest ran but was not yet linked to the job
      generated.add(JobWorkflow.generatedDatasetId(job.id()));
    }
    List<DatasetRow> byRun = datasets.findByRunId(job.id());
    byRun.forEach(d -> generated.add(d.id()));
    for (String datasetId : generated) {
      storage.deletePrefix(DatasetKeys.root(datasetId));
      datasets.delete(datasetId);
    }
    jobs.delete(job.id());
  }
}
