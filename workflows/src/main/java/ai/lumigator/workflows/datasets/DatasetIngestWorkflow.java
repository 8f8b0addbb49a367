package ai.lumigator.workflows.datasets;

import ai.lumigator.activities.datasets.DatasetIngestRequest;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Workflow id {@code dataset-ingest-{datasetId}}. Canonicalises a staged CSV into the dataset
 * layout, records the row, deletes the staging object. Used for uploads and for datasets that jobs
 * produce (predictions, annotations). Returns the dataset id.
 */
@WorkflowInterface
public interface DatasetIngestWorkflow {
  /** The failure type of an ingest that failed for a reason of its own (not an activity's). */
  String FAILED = "DatasetIngestFailed";

  @WorkflowMethod
  String ingest(DatasetIngestRequest request);
}
