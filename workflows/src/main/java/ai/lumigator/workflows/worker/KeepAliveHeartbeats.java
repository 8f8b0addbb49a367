package ai.lumigator.workflows.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats for activities that do not heartbeat themselves, while they run: with a heartbeat
 * timeout on every task-queue activity, the server notices a worker that died mid-activity within
 * that timeout and retries the activity elsewhere, instead of after its start-to-close timeout (a
 * Submit whose worker was killed waited its 2 minutes). An activity that ends within the first
 * interval sends nothing extra.
 */
public final class KeepAliveHeartbeats extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(KeepAliveHeartbeats.class);

  private final Set<String> selfHeartbeating;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "activity-keepalive");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param selfHeartbeating activity types that record heartbeats (with details) of their own,
   *     which a keep-alive must not overwrite
   */
  public KeepAliveHeartbeats(Set<String> selfHeartbeating) {
    this.selfHeartbeating = Set.copyOf(selfHeartbeating);
  }

  /** The interval for a heartbeat timeout: four beats per timeout. */
  static Duration interval(Duration heartbeatTimeout) {
    Duration interval = heartbeatTimeout.dividedBy(4);
    return interval.isZero() ? Duration.ofMillis(1) : interval;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext ctx;

      @Override
      public void init(ActivityExecutionContext context) {
        ctx = context; // Activity.getExecutionContext() works only inside the activity method
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityInfo info = ctx.getInfo();
        Duration timeout = info.getHeartbeatTimeout();
        if (info.isLocal()
            || timeout == null
            || timeout.isZero()
            || selfHeartbeating.contains(info.getActivityType())) {
          return super.execute(input);
        }
        long every = interval(timeout).toMillis();
        ScheduledFuture<?> beats =
            ticker.scheduleAtFixedRate(() -> beat(ctx), every, every, TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beats.cancel(false);
        }
      }
    };
  }

  private static void beat(ActivityExecutionContext ctx) {
    try {
      ctx.heartbeat(null);
    } catch (RuntimeException e) {
      // cancelled, timed out or Temporal unreachable: the activity finishes its short work and
      // the server decides what its result is worth
      log.debug("Keep-alive heartbeat not recorded: {}", e.toString());
    }
  }
}
