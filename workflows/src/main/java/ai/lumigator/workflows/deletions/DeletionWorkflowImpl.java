package ai.lumigator.workflows.deletions;

import ai.lumigator.activities.deletions.DeletionActivities;
import ai.lumigator.activities.deletions.DeletionPlan;
import ai.lumigator.activities.deletions.DeletionRequest;
import ai.lumigator.activities.deletions.StopTarget;
import ai.lumigator.workflows.ActivityStubs;
import ai.lumigator.workflows.WorkflowIds;
import java.util.ArrayList;
import java.util.List;

public class DeletionWorkflowImpl implements DeletionWorkflow {
  private final DeletionActivities activities = ActivityStubs.io(DeletionActivities.class);

  @Override
  public DeletionResult delete(DeletionRequest request) {
    DeletionPlan running = activities.plan(request);
    List<StopTarget> stops = new ArrayList<>();
    running.workflowIds().forEach(id -> stops.add(new StopTarget(WorkflowIds.evaluation(id))));
    running.standaloneJobIds().forEach(id -> stops.add(new StopTarget(WorkflowIds.job(id))));
    if (!stops.isEmpty()) activities.stop(stops);
    // read again: what ran until the stop may have made more (a job's results, its dataset)
    DeletionPlan plan = stops.isEmpty() ? running : activities.plan(request);
    activities.removeObjects(plan);
    activities.removeRows(plan);
    return new DeletionResult(
        plan.workflowIds().size(),
        plan.jobIds().size(),
        plan.datasetIds().size(),
        plan.prefixes().size());
  }
}
