package ai.lumigator.activities.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the waits of one worker for jobs pending in Ray's queue when another job they know of ends:
 * an ended job frees the resources a queued one waits for. Ray starts queued jobs about in
 * submission order, so only the {@value #WAKE_PER_END} longest-waiting are woken per end, not every
 * queued job at once (a hundred status requests on each end). Jobs watched by other workers do not
 * signal here; their pending waits still ask Ray at their schedule's pace.
 */
final class QueuedJobWakeups {
  static final int WAKE_PER_END = 2;

  /** No place in the queue; {@link #leave} ignores it. */
  static final long NONE = -1;

  /** Ticket (the order in which waits first saw their job pending) → woken and not yet awake. */
  private final TreeMap<Long, Boolean> queued = new TreeMap<>();

  private long nextTicket;

  /** A wait whose job Ray reports pending takes its place in the queue. */
  synchronized long enqueue() {
    long ticket = nextTicket++;
    queued.put(ticket, false);
    return ticket;
  }

  /** The job is no longer pending (or the wait ended); {@link #NONE} or a ticket gone: nothing. */
  synchronized void leave(long ticket) {
    queued.remove(ticket);
  }

  /**
   * The job of the wait holding {@code endedTicket} ({@link #NONE} if it held none) ended: that
   * wait leaves the queue, and the longest-waiting others are woken.
   */
  synchronized void jobEnded(long endedTicket) {
    queued.remove(endedTicket);
    int woken = 0;
    for (Map.Entry<Long, Boolean> e : queued.entrySet()) {
      if (woken == WAKE_PER_END) break;
      e.setValue(true);
      woken++;
    }
    if (woken > 0) notifyAll();
  }

  /**
   * Waits until this ticket is woken by an end (also one signalled since its last wait), or {@code
   * timeout} passed.
   *
   * @return whether an end woke it
   */
  synchronized boolean await(long ticket, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Boolean.TRUE.equals(queued.get(ticket))) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !queued.containsKey(ticket)) return false;
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    queued.put(ticket, false);
    return true;
  }
}
