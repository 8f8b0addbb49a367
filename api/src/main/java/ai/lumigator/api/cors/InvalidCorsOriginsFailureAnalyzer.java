package ai.lumigator.api.cors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A malformed origin list stops start-up with Spring Boot's short report. */
public class InvalidCorsOriginsFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidCorsOriginsException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidCorsOriginsException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set "
            + AllowedOrigins.ENV
            + " to a comma-separated list of origins (e.g. http://localhost:3000,"
            + "https://lumigator.example.com), to * for any origin, or unset it to turn CORS off.",
        cause);
  }
}
