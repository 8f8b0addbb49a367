package ai.lumigator.api.deletions;

import ai.lumigator.activities.deletions.DeletionRequest;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.persistence.deletions.DeletionDao;
import ai.lumigator.workflows.deletions.DeletionWorkflows;
import io.temporal.client.WorkflowException;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * A delete request: starts the deletion workflow ({@code delete-{id}}: stop, wait, remove objects,
 * then rows), then marks the rows deleted so that every read leaves them out at once, then waits at
 * most {@link DeletionProperties#requestWait()} for the workflow to end. Started first, so that a
 * request that dies after it leaves nothing hidden but not removed; a repeated delete joins the
 * running deletion.
 */
@Service
@EnableConfigurationProperties(DeletionProperties.class)
public class Deletions {
  private static final Logger log = LoggerFactory.getLogger(Deletions.class);

  private final DeletionDao marks;
  private final io.temporal.client.WorkflowClient client;
  private final DeletionProperties properties;
  private final Clock clock = Clock.systemUTC();

  Deletions(Jdbi jdbi, io.temporal.client.WorkflowClient client, DeletionProperties properties) {
    this.marks = jdbi.onDemand(DeletionDao.class);
    this.client = client;
    this.properties = properties;
  }

  public void dataset(String id) {
    delete(new DeletionRequest(DeletionRequest.DATASET, id), () -> {});
  }

  /**
   * @param started runs once the deletion is started, before the rows are marked (a forced delete
   *     records the running workflow stopped there: never for a deletion that did not start)
   */
  public void workflow(String id, Runnable started) {
    delete(new DeletionRequest(DeletionRequest.WORKFLOW, id), started);
  }

  public void experiment(String id) {
    delete(new DeletionRequest(DeletionRequest.EXPERIMENT, id), () -> {});
  }

  private void delete(DeletionRequest request, Runnable started) {
    try {
      DeletionWorkflows.start(client, request);
    } catch (RuntimeException e) {
      log.warn("{} {} not deleted: {}", request.kind(), request.id(), e.getMessage());
      throw new UpstreamException("Temporal", "could not start the deletion", e);
    }
    started.run();
    long now = clock.millis();
    switch (request.kind()) {
      case DeletionRequest.DATASET -> marks.markDatasetDeleted(request.id(), now);
      case DeletionRequest.WORKFLOW -> marks.markWorkflowDeleted(request.id(), now);
      default -> marks.markExperimentDeleted(request.id(), now);
    }
    boolean ended;
    try {
      ended = DeletionWorkflows.await(client, request.id(), properties.requestWait());
    } catch (WorkflowException e) {
      // it retries its steps until they pass; a failure here is the client's wait, not the deletion
      log.warn(
          "{} {}: waiting for the deletion failed: {}",
          request.kind(),
          request.id(),
          e.getMessage());
      ended = false;
    }
    if (ended) {
      log.info("{} {} deleted", request.kind(), request.id());
    } else {
      log.info(
          "{} {} hidden; its deletion goes on in the background", request.kind(), request.id());
    }
  }
}
