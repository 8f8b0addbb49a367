package ai.lumigator.workflows.jobs;

/**
 * A dataset a job produces from its results (inference with store_to_dataset, annotate).
 *
 * @param filename the new dataset's file name
 * @param outputField the column the job's outputs go to (predictions, or ground_truth when
 *     annotating)
 * @param generatedBy the model that produced it
 */
public record GeneratedDatasetSpec(String filename, String outputField, String generatedBy) {}
