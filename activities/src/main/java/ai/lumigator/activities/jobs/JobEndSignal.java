package ai.lumigator.activities.jobs;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lets the waits of one worker for jobs pending in Ray's queue ask Ray at once when another job
 * they know of ends: an ended job frees the resources a queued one waits for. Jobs watched by other
 * workers do not signal here; their pending waits still ask at their schedule's pace.
 */
final class JobEndSignal {
  private long ends;

  /** How many ends were signalled so far: read before asking Ray, pass to {@link #awaitEnd}. */
  synchronized long ends() {
    return ends;
  }

  synchronized void jobEnded() {
    ends++;
    notifyAll();
  }

  /**
   * Waits until a job ended after {@code seen} was read, or {@code timeout} passed.
   *
   * @return whether a job ended
   */
  synchronized boolean awaitEnd(long seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ends == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
