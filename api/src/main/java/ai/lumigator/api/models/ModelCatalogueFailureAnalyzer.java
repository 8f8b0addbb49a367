package ai.lumigator.api.models;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken catalogue stops start-up with Spring Boot's short report instead of a stack trace. */
public class ModelCatalogueFailureAnalyzer
    extends AbstractFailureAnalyzer<ModelCatalogueException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelCatalogueException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the catalogue file ("
            + cause.location()
            + ", set by LUMIGATOR_MODELS_CATALOGUE) and start again. Each entry needs"
            + " display_name, model, provider ("
            + String.join(", ", ModelCatalogue.PROVIDERS)
            + ") and tasks ("
            + String.join(", ", ModelCatalogue.TASKS)
            + ").",
        cause);
  }
}
