package ai.lumigator.activities;

import io.temporal.common.SearchAttributeKey;

/**
 * Custom search attributes (all Keyword), registered when the local stack starts
 * (deploy/local/stack.sh) so workflows can be found in the Temporal UI.
 */
public final class SearchAttributes {
  public static final SearchAttributeKey<String> JOB_ID =
      SearchAttributeKey.forKeyword("LumigatorJobId");
  public static final SearchAttributeKey<String> JOB_TYPE =
      SearchAttributeKey.forKeyword("LumigatorJobType");
  public static final SearchAttributeKey<String> DATASET_ID =
      SearchAttributeKey.forKeyword("LumigatorDatasetId");
  public static final SearchAttributeKey<String> EXPERIMENT_ID =
      SearchAttributeKey.forKeyword("LumigatorExperimentId");
  public static final SearchAttributeKey<String> MODEL =
      SearchAttributeKey.forKeyword("LumigatorModel");

  private SearchAttributes() {}
}
