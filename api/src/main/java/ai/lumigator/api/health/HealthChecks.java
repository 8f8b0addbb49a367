package ai.lumigator.api.health;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** Checks the four dependencies in parallel, each bounded by a short timeout. */
@Component
public class HealthChecks {
  private static final long TIMEOUT_MS = 3000;

  private final Jdbi jdbi;
  private final S3Storage storage;
  private final WorkflowClient workflowClient;
  private final RayJobsClient ray;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "health-check");
            t.setDaemon(true);
            return t;
          });

  public HealthChecks(
      Jdbi jdbi, S3Storage storage, WorkflowClient workflowClient, RayJobsClient ray) {
    this.jdbi = jdbi;
    this.storage = storage;
    this.workflowClient = workflowClient;
    this.ray = ray;
  }

  public Map<String, DependencyStatus> checkAll() {
    Map<String, CompletableFuture<DependencyStatus>> running = new LinkedHashMap<>();
    running.put("database", run(this::database));
    running.put("s3", run(this::s3));
    running.put("temporal", run(this::temporal));
    running.put("ray", run(this::ray));
    Map<String, DependencyStatus> result = new LinkedHashMap<>();
    running.forEach((name, future) -> result.put(name, await(future)));
    return result;
  }

  private DependencyStatus database() {
    jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    return DependencyStatus.ok("query succeeded");
  }

  private DependencyStatus s3() {
    storage.exists(".lumigator-health-probe"); // a HEAD: proves reachability and credentials
    return DependencyStatus.ok("bucket " + storage.bucket() + " reachable");
  }

  private DependencyStatus temporal() {
    var info =
        workflowClient
            .getWorkflowServiceStubs()
            .blockingStub()
            .withDeadlineAfter(TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    return DependencyStatus.ok("server " + info.getServerVersion());
  }

  private DependencyStatus ray() {
    return DependencyStatus.ok("ray " + ray.version().rayVersion());
  }

  private CompletableFuture<DependencyStatus> run(Supplier<DependencyStatus> check) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return check.get();
          } catch (RuntimeException e) {
            return DependencyStatus.down(
                e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
          }
        },
        pool);
  }

  private static DependencyStatus await(CompletableFuture<DependencyStatus> future) {
    try {
      return future.get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return DependencyStatus.down("no answer within " + TIMEOUT_MS + " ms");
    } catch (Exception e) {
      return DependencyStatus.down(e.getClass().getSimpleName());
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
