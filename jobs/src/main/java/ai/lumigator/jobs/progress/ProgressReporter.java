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
 * a job id only the stdout line is printed.
 *
 * <p>Progress is best-effort and off the hot path: counting is one atomic add; the writes happen on
 * a timer thread, each a single quick attempt ({@link ObjectStore#putOnce}) of the latest count, so
 * a store that does not answer costs a skipped write, never a wait of the work. One line is logged
 * when writes start failing and one when they succeed again. Thread-safe.
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
  private long lastStored = -1;
  private boolean storeFailing;
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
    target.ifPresent(loc -> store(loc, d, t));
  }

  private void store(S3Location loc, long d, long t) {
    RuntimeException failure = tryStore(loc, d, t);
    if (failure != null && !storeFailing) {
      storeFailing = true;
      JobLog.warn(
          "could not write progress to "
              + loc
              + " ("
              + failure.getMessage()
              + "); skipping progress writes until the store answers");
    }
  }

  /** One quick attempt; returns its failure, or null once written. */
  private RuntimeException tryStore(S3Location loc, long d, long t) {
    try {
      byte[] json = JobConfigJson.toJson(new Progress(d, t)).getBytes(StandardCharsets.UTF_8);
      store.putOnce(loc, json, "application/json");
    } catch (RuntimeException e) {
      return e;
    }
    lastStored = d;
    if (storeFailing) {
      storeFailing = false;
      JobLog.info("progress written again to " + loc);
    }
    return null;
  }

  /** Quick attempts of the final count's write in {@link #publishIfBehind()}. */
  static final int FINAL_ATTEMPTS = 3;

  /**
   * Writes the final count once more if its last write failed (the store was down when the work
   * ended): call after the results are stored, which waits for the store. The store has just
   * answered, yet this one quick attempt was seen failing right after a hung store came back (a CI
   * run; not reproduced since), leaving the final count unwritten: so it is tried up to {@link
   * #FINAL_ATTEMPTS} times, and a last failure is logged.
   */
  public synchronized void publishIfBehind() {
    long d = done.get();
    if (target.isEmpty() || lastStored == d) {
      return;
    }
    long t = total;
    RuntimeException failure = null;
    for (int attempt = 1; attempt <= FINAL_ATTEMPTS; attempt++) {
      failure = tryStore(target.get(), d, t);
      if (failure == null) return;
    }
    JobLog.warn(
        "final progress "
            + d
            + "/"
            + t
            + " not written to "
            + target.get()
            + " after "
            + FINAL_ATTEMPTS
            + " attempts ("
            + failure.getMessage()
            + ")");
  }

  /** How long {@link #close()} lets a progress write in flight finish. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

  /**
   * Stops the timer and publishes the final count (one quick attempt). A progress write in flight
   * is let finish (it is one bounded attempt), not interrupted: an S3 request interrupted mid-way
   * was followed, under load, by the job's results upload failing on every attempt ("Error writing
   * request body to server").
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
