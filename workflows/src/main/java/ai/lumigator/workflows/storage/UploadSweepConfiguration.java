package ai.lumigator.workflows.storage;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StaleUploadSweep;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's sweep of stale multipart uploads: every {@code interval} it aborts the uploads under
 * {@code uploads/} (staged dataset uploads, written by the API) and {@code datasets/} (canonical
 * files, written by ingests) begun more than {@code max-age} ago. An upload whose own abort failed
 * (the store was down when the upload failed) would otherwise keep its parts in the store for ever.
 * Every worker sweeps; aborting is idempotent. The API does no storage clean-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadSweepConfiguration.UploadSweepProperties.class)
public class UploadSweepConfiguration {
  private static final Logger log = LoggerFactory.getLogger(UploadSweepConfiguration.class);

  /** The prefixes this system writes multipart uploads to. */
  static final List<String> PREFIXES = List.of("uploads/", "datasets/");

  /**
   * @param interval time between two sweeps (the first runs right after start-up); 0 = no sweep
   * @param maxAge an upload begun longer ago is taken for abandoned: keep it above the longest
   *     upload (a 50 MB dataset takes seconds)
   */
  @ConfigurationProperties("lumigator.upload-sweep")
  public record UploadSweepProperties(
      @DefaultValue("10m") Duration interval, @DefaultValue("1h") Duration maxAge) {}

  /** The running sweep; closing it stops the timer. */
  public static final class UploadSweeper implements AutoCloseable {
    private final ScheduledExecutorService timer;

    UploadSweeper(StaleUploadSweep sweep, Duration interval) {
      if (interval.isZero() || interval.isNegative()) {
        timer = null;
        log.info("Stale upload sweep is off");
        return;
      }
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "upload-sweep");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleWithFixedDelay(
          () -> {
            try {
              sweep.sweep();
            } catch (RuntimeException e) {
              log.warn("Stale upload sweep failed", e);
            }
          },
          0,
          interval.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      if (timer != null) timer.shutdownNow();
    }
  }

  @Bean(destroyMethod = "close")
  UploadSweeper uploadSweeper(S3Storage storage, UploadSweepProperties properties) {
    return new UploadSweeper(
        new StaleUploadSweep(storage, PREFIXES, properties.maxAge(), Clock.systemUTC()),
        properties.interval());
  }
}
