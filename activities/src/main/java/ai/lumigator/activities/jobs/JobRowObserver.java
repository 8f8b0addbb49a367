package ai.lumigator.activities.jobs;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobStatuses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the await activity sees into the job's row: Ray's details (runtime_env redacted) on
 * each status change, the status itself for pending and running, and the progress the job program
 * publishes at {@code jobs/progress/{jobId}.json}. Terminal statuses are left to the workflow,
 * which records them only after logs and results are saved.
 */
public class JobRowObserver implements JobObserver {
  private static final Logger log = LoggerFactory.getLogger(JobRowObserver.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobDao jobs;
  private final S3Storage storage;
  private final Clock clock;

  public JobRowObserver(JobDao jobs, S3Storage storage, Clock clock) {
    this.jobs = jobs;
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public void statusChanged(String jobId, RayJobDetails job) {
    long now = clock.millis();
    jobs.updateRayDetails(jobId, RayDetailsRows.of(job), now);
    String status =
        switch (job.status()) {
          case PENDING -> JobStatuses.PENDING;
          case RUNNING -> JobStatuses.RUNNING;
          default -> null;
        };
    if (status != null && jobs.updateStatus(jobId, status, now)) {
      log.info("Job {} is {}", jobId, status);
    }
  }

  @Override
  public Optional<JobProgress> readProgress(String jobId) {
    String key = JobPaths.progressKey(jobId);
    if (!storage.exists(key)) return Optional.empty();
    try {
      JsonNode node = JSON.readTree(storage.getString(key));
      if (!node.path("done").canConvertToLong() || !node.path("total").canConvertToLong()) {
        return Optional.empty();
      }
      return Optional.of(new JobProgress(node.get("done").asLong(), node.get("total").asLong()));
    } catch (java.io.IOException e) {
      log.warn("Progress object of job {} is not JSON: {}", jobId, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void progressChanged(String jobId, JobProgress progress) {
    jobs.setProgress(jobId, progress.done(), progress.total(), clock.millis());
  }
}
