package ai.lumigator.workflows.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Poller failures of an unreachable server: one line when it goes, one when it is back. */
class TemporalConnectionLogTest {
  static final org.slf4j.Logger POLLER =
      LoggerFactory.getLogger("io.temporal.internal.worker.BasePoller");
  static final org.slf4j.Logger HEARTBEATS =
      LoggerFactory.getLogger("io.temporal.internal.activity.HeartbeatContextImpl");

  WorkflowServiceGrpc.WorkflowServiceBlockingStub stub;
  TemporalConnectionLog connection;
  ListAppender<ILoggingEvent> logs;

  @BeforeEach
  void setUp() {
    stub = mock(WorkflowServiceGrpc.WorkflowServiceBlockingStub.class);
    when(stub.withDeadlineAfter(anyLong(), any(TimeUnit.class))).thenReturn(stub);
    WorkflowServiceStubs stubs = mock(WorkflowServiceStubs.class);
    when(stubs.blockingStub()).thenReturn(stub);
    when(stubs.getOptions())
        .thenReturn(WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:7233").build());
    connection = new TemporalConnectionLog(stubs);
    connection.install();
    logs = new ListAppender<>();
    logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    root().detachAppender(logs);
    connection.uninstall();
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  List<String> lines() {
    synchronized (logs) {
      return new ArrayList<>(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
  }

  @Test
  void anOutageIsOneLineWhenItBeginsAndOneWhenItEnds() throws Exception {
    when(stub.getSystemInfo(any(GetSystemInfoRequest.class)))
        .thenThrow(Status.UNAVAILABLE.asRuntimeException())
        .thenReturn(GetSystemInfoResponse.getDefaultInstance());

    for (int i = 0; i < 200; i++) {
      POLLER.warn(
          "Failure in poller thread {}",
          "Workflow Poller " + i,
          Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
      // a running activity's heartbeat fails each second too
      HEARTBEATS.warn("Heartbeat failed", Status.UNAVAILABLE.asRuntimeException());
    }
    assertThat(connection.unreachable()).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (connection.unreachable() && System.nanoTime() < deadline) Thread.sleep(50);

    assertThat(lines())
        .hasSize(2)
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .startsWith(
                        "Temporal unreachable at 127.0.0.1:7233 (UNAVAILABLE: io exception)"),
            l -> assertThat(l).startsWith("Temporal reachable again after "));
    assertThat(logs.list).allMatch(e -> e.getThrowableProxy() == null);
  }

  @Test
  void otherPollerFailuresAreLoggedAsBefore() {
    POLLER.warn(
        "Failure in poller thread {}",
        "Activity Poller",
        Status.PERMISSION_DENIED.withDescription("no").asRuntimeException());

    assertThat(lines()).containsExactly("Failure in poller thread Activity Poller");
    assertThat(logs.list.get(0).getThrowableProxy()).isNotNull();
    assertThat(connection.unreachable()).isFalse();
  }
}
