package ai.lumigator.workflows.testing;

import ai.lumigator.activities.SearchAttributes;
import com.google.protobuf.Duration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.DeleteNamespaceRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.UUID;

/**
 * A Temporal namespace of one's own on the local dev server. Test runs that share a namespace share
 * its task queues, so a worker of one run (with its own SQLite file) can take another run's tasks;
 * a fresh namespace isolates a test class completely. Pass {@code "spring.temporal.namespace=" +
 * name} to {@link StackWorker} / StackApi.
 */
public final class TestNamespaces {
  private static final List<SearchAttributeKey<String>> ATTRIBUTES =
      List.of(
          SearchAttributes.JOB_ID,
          SearchAttributes.JOB_TYPE,
          SearchAttributes.DATASET_ID,
          SearchAttributes.EXPERIMENT_ID,
          SearchAttributes.MODEL);

  private TestNamespaces() {}

  /**
   * Registers {@code lumigator-test-<random>} with the search attributes and waits until usable.
   */
  public static String fresh() {
    String name = "lumigator-test-" + UUID.randomUUID().toString().substring(0, 8);
    WorkflowServiceStubs service = service();
    try {
      service
          .blockingStub()
          .registerNamespace(
              RegisterNamespaceRequest.newBuilder()
                  .setNamespace(name)
                  .setDescription("one test class's namespace; deleted after it")
                  .setWorkflowExecutionRetentionPeriod(Duration.newBuilder().setSeconds(86_400))
                  .build());
      OperatorServiceStubs operator = operator(service);
      AddSearchAttributesRequest.Builder attributes =
          AddSearchAttributesRequest.newBuilder().setNamespace(name);
      ATTRIBUTES.forEach(
          a ->
              attributes.putSearchAttributes(
                  a.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        try {
          operator.blockingStub().addSearchAttributes(attributes.build());
          var listed =
              operator
                  .blockingStub()
                  .listSearchAttributes(
                      ListSearchAttributesRequest.newBuilder().setNamespace(name).build());
          service
              .blockingStub()
              .countWorkflowExecutions(
                  CountWorkflowExecutionsRequest.newBuilder().setNamespace(name).build());
          if (ATTRIBUTES.stream()
              .allMatch(a -> listed.getCustomAttributesMap().containsKey(a.getName()))) {
            return name;
          }
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.NOT_FOUND
              && e.getStatus().getCode() != Status.Code.UNAVAILABLE
              && e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            throw e;
          }
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("namespace " + name + " did not become usable in 60 s");
        }
        sleep();
      }
    } finally {
      service.shutdownNow();
    }
  }

  /** Deletes the namespace and everything in it (best effort: the dev server forgets it anyway). */
  public static void delete(String name) {
    WorkflowServiceStubs service = service();
    try {
      operator(service)
          .blockingStub()
          .deleteNamespace(DeleteNamespaceRequest.newBuilder().setNamespace(name).build());
    } catch (StatusRuntimeException e) {
      // best effort
    } finally {
      service.shutdownNow();
    }
  }

  /** A client of the local Temporal (LUMIGATOR_TEMPORAL_TARGET) in the namespace. */
  public static WorkflowClient client(String namespace) {
    return WorkflowClient.newInstance(
        service(), WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  private static WorkflowServiceStubs service() {
    String target = System.getenv("LUMIGATOR_TEMPORAL_TARGET");
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(target == null || target.isBlank() ? "127.0.0.1:7233" : target)
            .build());
  }

  private static OperatorServiceStubs operator(WorkflowServiceStubs service) {
    return OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder()
            .setChannel(service.getRawChannel())
            .validateAndBuildWithDefaults());
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
