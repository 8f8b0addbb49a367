package ai.lumigator.jobs.progress;

import ai.lumigator.jobs.JobLog;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished samples and publishes {@code {"done": n, "total": m}}: every {@code interval}
 * (only when it changed) and once more on {@link #close()}, to {@code
 * s3://<bucket>/jobs/progress/<job id>.json} and as a {@code progress n/m} line on stdout. Without
 * a job id only the stdout line is printed. A failed progress write is logged, never fatal.
 * Thread-safe.
 */
public final class ProgressReporter implements AutoCloseable {
  /** Default publishing interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);

  private final ObjectStore store;
  private final Optional<S3Location> target;
  private final String what;
  private final AtomicLong done = new AtomicLong();
  private volatile long total;
  private long lastPublished = -1;
  private final ScheduledExecutorService timer;

  /**
   * @param store where to write the progress object
   * @param bucket the bucket of the job's results
   * @param jobId the job id ({@code MZAI_JOB_ID}); empty = no progress object
   * @param what a word for the log line ("inference", "evaluation")
   * @param total samples to do
   * @param interval how often to publish while running
   */
  public ProgressReporter(
      ObjectStore store,
      String bucket,
      Optional<String> jobId,
      String what,
      long total,
      Duration interval) {
    this.store = store;
    this.target = jobId.map(id -> new S3Location(bucket, JobPaths.progressKey(id)));
    this.what = what;
    this.total = total;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress");
              t.setDaemon(true);
              return t;
            });
    long ms = Math.max(1, interval.toMillis());
    timer.scheduleAtFixedRate(this::publishIfChanged, 0, ms, TimeUnit.MILLISECONDS);
  }

  /** Where the progress object goes, if anywhere. */
  public Optional<S3Location> target() {
    return target;
  }

  public void setTotal(long total) {
    this.total = total;
  }

  /** One more sample done. */
  public void increment() {
    done.incrementAndGet();
  }

  public void add(long n) {
    done.addAndGet(n);
  }

  public long done() {
    return done.get();
  }

  private synchronized void publishIfChanged() {
    long d = done.get();
    if (d != lastPublished) {
      publish(d);
    }
  }

  private synchronized void publish(long d) {
    lastPublished = d;
    long t = total;
    JobLog.info("progress " + what + " " + d + "/" + t);
    target.ifPresent(
        loc -> {
          try {
            byte[] json = JobConfigJson.toJson(new Progress(d, t)).getBytes(StandardCharsets.UTF_8);
            store.put(loc, json, "application/json");
          } catch (RuntimeException e) {
            JobLog.warn("could not write progress to " + loc + ": " + e.getMessage());
          }
        });
  }

  /** How long {@link #close()} lets a progress write in flight finish. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

  /**
   * Stops the timer and publishes the final count. A progress write in flight is let finish, not
   * interrupted: an S3 request interrupted mid-way was followed, under load, by the job's results
   * upload failing on every attempt ("Error writing request body to server").
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
    publish(done.get());
  }
}
