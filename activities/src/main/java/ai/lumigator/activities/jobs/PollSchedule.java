package ai.lumigator.activities.jobs;

import java.time.Duration;

/**
 * How long the await waits before asking Ray again: {@code min} right after the job's status
 * changed, growing with the time since (a twentieth of it) up to {@code max}. A short job is seen
 * to end within about {@code min} of its end; a long one costs one request per {@code max}. A job
 * waiting in Ray's queue grows up to {@code pendingMax} instead: it cannot end before it starts,
 * and the await also asks at once when another job its worker watches ends (see {@link
 * QueuedJobWakeups}).
 */
public record PollSchedule(Duration min, Duration max, Duration pendingMax) {
  public PollSchedule {
    if (min.isNegative() || min.isZero()) throw new IllegalArgumentException("min must be > 0");
    if (max.compareTo(min) < 0) min = max;
    if (pendingMax.compareTo(max) < 0) pendingMax = max;
  }

  /** Pending jobs polled like running ones. */
  public PollSchedule(Duration min, Duration max) {
    this(min, max, max);
  }

  public Duration next(Duration sinceChange) {
    return grow(sinceChange, max);
  }

  /** The wait while Ray reports the job pending (queued for resources or starting). */
  public Duration nextWhilePending(Duration sinceChange) {
    return grow(sinceChange, pendingMax);
  }

  private Duration grow(Duration sinceChange, Duration cap) {
    Duration share = sinceChange.dividedBy(20);
    if (share.compareTo(min) < 0) return min;
    return share.compareTo(cap) > 0 ? cap : share;
  }
}
