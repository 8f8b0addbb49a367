package ai.lumigator.api.experiments;

import ai.lumigator.jobs.config.TaskDefinition;
import java.util.UUID;

/** A validated {@code ExperimentCreate}. */
record ExperimentSpec(
    String name,
    String description,
    UUID datasetId,
    int maxSamples,
    TaskDefinition taskDefinition) {}
