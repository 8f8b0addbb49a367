package ai.lumigator.workflows.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * The worker's connection to Temporal, logged once per change instead of once per poll: while the
 * server is unreachable every poller thread fails each round and the SDK logs {@code Failure in
 * poller thread} with a stack trace each time (1,050 of them in a 35 s outage), and each running
 * activity's heartbeat {@code Heartbeat failed} with one, every second. A logback turbo filter
 * drops those that say the server is unreachable ({@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED});
 * the first one logs "Temporal unreachable at {target} (...)" and starts a probe ({@code
 * GetSystemInfo} every {@link #PROBE_INTERVAL}), whose first answer logs "Temporal reachable again
 * after N s". Other poller and heartbeat failures are logged as the SDK logs them.
 */
@Component
public class TemporalConnectionLog {
  private static final Logger log = LoggerFactory.getLogger(TemporalConnectionLog.class);
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
  private static final String POLLER_LOGGERS = "io.temporal.internal.worker.";
  private static final Set<String> POLLER_FAILURES =
      Set.of("Failure in poller thread {}", "DEADLINE_EXCEEDED in poller thread {}");
  private static final String HEARTBEAT_LOGGERS = "io.temporal.internal.activity.";
  private static final String HEARTBEAT_FAILURE = "Heartbeat failed";
  private static final Set<Status.Code> UNREACHABLE =
      Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

  private final WorkflowServiceStubs stubs;
  private final Filter filter = new Filter();
  private ScheduledExecutorService prober;
  private long downSince = -1;

  public TemporalConnectionLog(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  @PostConstruct
  void install() {
    LoggerContext context = loggerContext();
    if (context == null) return;
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
  }

  @PreDestroy
  synchronized void uninstall() {
    LoggerContext context = loggerContext();
    if (context != null) context.getTurboFilterList().remove(filter);
    if (prober != null) prober.shutdownNow();
  }

  private static LoggerContext loggerContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    return factory instanceof LoggerContext c ? c : null;
  }

  /** Whether the last poller failure said Temporal was unreachable and no probe has answered. */
  public synchronized boolean unreachable() {
    return downSince >= 0;
  }

  /** A poller failed because the server did not answer: log it if that is news. */
  synchronized void pollFailed(Status status) {
    if (downSince >= 0) return;
    downSince = System.nanoTime();
    log.warn(
        "Temporal unreachable at {} ({}): the worker keeps polling; one line follows when it is"
            + " back",
        stubs.getOptions().getTarget(),
        describe(status));
    if (prober == null) {
      prober =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "temporal-connection-probe");
                t.setDaemon(true);
                return t;
              });
    }
    prober.schedule(this::probe, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (RuntimeException e) {
      synchronized (this) {
        if (prober != null && !prober.isShutdown()) {
          prober.schedule(this::probe, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
      return;
    }
    synchronized (this) {
      log.info(
          "Temporal reachable again after {} s",
          String.format(
              java.util.Locale.ROOT, "%.1f", (System.nanoTime() - downSince) / 1_000_000_000.0));
      downSince = -1;
    }
  }

  private static String describe(Status status) {
    String d = status.getDescription();
    return d == null ? status.getCode().name() : status.getCode() + ": " + d;
  }

  /** The status of an unreachable server in a poller's failure, or null for any other failure. */
  static Status unreachableStatus(Object[] params, Throwable t) {
    Throwable e = t;
    if (e == null && params != null && params.length > 0) {
      if (params[params.length - 1] instanceof Throwable last) e = last;
    }
    for (int depth = 0; e != null && depth < 5; depth++, e = e.getCause()) {
      if (e instanceof StatusRuntimeException s) {
        return UNREACHABLE.contains(s.getStatus().getCode()) ? s.getStatus() : null;
      }
    }
    return null;
  }

  private static boolean pollerFailure(String logger, String format) {
    return logger.startsWith(POLLER_LOGGERS) && POLLER_FAILURES.contains(format);
  }

  private static boolean heartbeatFailure(String logger, String format) {
    return logger.startsWith(HEARTBEAT_LOGGERS) && HEARTBEAT_FAILURE.equals(format);
  }

  private final class Filter extends TurboFilter {
    @Override
    public FilterReply decide(
        Marker marker,
        ch.qos.logback.classic.Logger logger,
        Level level,
        String format,
        Object[] params,
        Throwable t) {
      if (format == null
          || !(pollerFailure(logger.getName(), format)
              || heartbeatFailure(logger.getName(), format))) {
        return FilterReply.NEUTRAL;
      }
      Status status = unreachableStatus(params, t);
      if (status == null) return FilterReply.NEUTRAL;
      pollFailed(status);
      return FilterReply.DENY;
    }
  }
}
