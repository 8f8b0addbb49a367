package ai.lumigator.activities.jobs;

import java.time.Duration;

/**
 * How long the await waits before asking Ray again: {@code min} right after the job's status
 * changed, growing with the time since (a twentieth of it) up to {@code max}. A short job is seen
 * to end within about {@code min} of its end; a long one costs one request per {@code max}.
 */
public record PollSchedule(Duration min, Duration max) {
  public PollSchedule {
    if (min.isNegative() || min.isZero()) throw new IllegalArgumentException("min must be > 0");
    if (max.compareTo(min) < 0) min = max;
  }

  public Duration next(Duration sinceChange) {
    Duration share = sinceChange.dividedBy(20);
    if (share.compareTo(min) < 0) return min;
    return share.compareTo(max) > 0 ? max : share;
  }
}
