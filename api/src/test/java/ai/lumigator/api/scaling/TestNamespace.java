package ai.lumigator.api.scaling;

import ai.lumigator.activities.SearchAttributes;
import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Temporal namespace of this test's own, created on first use with Lumigator's search attributes:
 * lumigator-test is shared by every in-process test worker (and every developer's run), whose
 * pollers would take these workflows' tasks, and whose tasks ours would take.
 */
final class TestNamespace {
  private TestNamespace() {}

  static void ensure(WorkflowServiceStubs service, String namespace) throws InterruptedException {
    try {
      service
          .blockingStub()
          .registerNamespace(
              RegisterNamespaceRequest.newBuilder()
                  .setNamespace(namespace)
                  .setWorkflowExecutionRetentionPeriod(Durations.fromDays(1))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) throw e;
    }
    awaitUsable(service, namespace);
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    Map<String, IndexedValueType> have =
        operator
            .blockingStub()
            .listSearchAttributes(
                ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
            .getCustomAttributesMap();
    AddSearchAttributesRequest.Builder add =
        AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
    for (var key :
        List.of(
            SearchAttributes.JOB_ID,
            SearchAttributes.JOB_TYPE,
            SearchAttributes.DATASET_ID,
            SearchAttributes.EXPERIMENT_ID,
            SearchAttributes.MODEL)) {
      if (!have.containsKey(key.getName())) {
        add.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
    }
    if (add.getSearchAttributesCount() > 0)
      operator.blockingStub().addSearchAttributes(add.build());
  }

  /** A new namespace reaches the frontend's cache after a moment. */
  private static void awaitUsable(WorkflowServiceStubs service, String namespace)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try {
        service
            .blockingStub()
            .listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(namespace)
                    .setMaximumPageSize(1)
                    .build());
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND || Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
      Thread.sleep(200);
    }
  }
}
