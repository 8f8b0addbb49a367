package ai.lumigator.workflows.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.lumigator.activities.jobs.JobObserver;
import ai.lumigator.activities.jobs.JobProgress;
import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvaluationJobObserverTest {
  JobObserver delegate = mock(JobObserver.class);
  WorkflowClient client = mock(WorkflowClient.class);
  WorkflowStub stub = mock(WorkflowStub.class);
  List<Object> signals = new ArrayList<>();
  AtomicInteger lookups = new AtomicInteger();
  MutableClock clock = new MutableClock();
  EvaluationJobObserver observer;

  static final class MutableClock extends Clock {
    long millis = 1_000_000;

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void setUp() {
    when(client.newUntypedWorkflowStub("evaluation-w1")).thenReturn(stub);
    doAnswer(inv -> signals.add(inv.getArgument(1))).when(stub).signal(eq("jobObserved"), any());
    observer =
        new EvaluationJobObserver(
            delegate,
            jobId -> {
              lookups.incrementAndGet();
              return "j1".equals(jobId) ? Optional.of("w1") : Optional.empty();
            },
            client,
            clock,
            Duration.ofSeconds(10));
  }

  static RayJobDetails job(RayJobStatus status) {
    return new RayJobDetails(
        "SUBMISSION", null, "j1", null, status, "java", null, null, 1L, null, null, null, null);
  }

  @Test
  void everyStatusChangeReachesTheDelegateAndTheWorkflowThatRanTheJob() {
    observer.statusChanged("j1", job(RayJobStatus.PENDING));
    observer.statusChanged("j1", job(RayJobStatus.RUNNING));
    observer.statusChanged("j1", job(RayJobStatus.SUCCEEDED));

    verify(delegate).statusChanged("j1", job(RayJobStatus.SUCCEEDED));
    assertThat(signals)
        .containsExactly(
            new EvaluationJobObservation("j1", "pending", -1, -1),
            new EvaluationJobObservation("j1", "running", -1, -1),
            new EvaluationJobObservation("j1", "succeeded", -1, -1));
    assertThat(lookups).hasValue(1);
  }

  @Test
  void progressIsThrottledButTheFinalCountAlwaysGoesThrough() {
    observer.progressChanged("j1", new JobProgress(1, 10));
    clock.millis += 3_000;
    observer.progressChanged("j1", new JobProgress(2, 10));
    clock.millis += 8_000;
    observer.progressChanged("j1", new JobProgress(5, 10));
    clock.millis += 1_000;
    observer.progressChanged("j1", new JobProgress(10, 10));

    verify(delegate).progressChanged("j1", new JobProgress(2, 10));
    assertThat(signals)
        .containsExactly(
            new EvaluationJobObservation("j1", null, 1, 10),
            new EvaluationJobObservation("j1", null, 5, 10),
            new EvaluationJobObservation("j1", null, 10, 10));
  }

  @Test
  void progressSeenAfterTheEndIsRecordedButNotSignalled() {
    observer.finalProgress("j1", new JobProgress(10, 10));

    verify(delegate).finalProgress("j1", new JobProgress(10, 10));
    assertThat(signals).isEmpty();
  }

  @Test
  void aJobOfNoWorkflowIsOnlyPassedOn() {
    observer.statusChanged("standalone", job(RayJobStatus.RUNNING));
    observer.progressChanged("standalone", new JobProgress(1, 2));

    verify(delegate).statusChanged(any(), any());
    verify(delegate).progressChanged("standalone", new JobProgress(1, 2));
    verify(client, never()).newUntypedWorkflowStub(anyString());
  }

  @Test
  void aFailedSignalOrLookupIsNotFatal() {
    doThrow(new IllegalStateException("workflow closed")).when(stub).signal(any(), any());
    observer.statusChanged("j1", job(RayJobStatus.RUNNING));

    EvaluationJobObserver broken =
        new EvaluationJobObserver(
            delegate,
            jobId -> {
              throw new IllegalStateException("database down");
            },
            client,
            clock,
            Duration.ofSeconds(10));
    broken.statusChanged("j2", job(RayJobStatus.RUNNING));

    verify(delegate).statusChanged("j2", job(RayJobStatus.RUNNING));
  }
}
