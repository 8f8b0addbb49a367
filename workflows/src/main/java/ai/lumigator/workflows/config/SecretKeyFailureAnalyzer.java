package ai.lumigator.workflows.config;

import ai.lumigator.activities.secrets.SecretKeyException;
import ai.lumigator.activities.secrets.SecretKeys;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing or malformed secret key into Spring Boot's short "APPLICATION FAILED TO START".
 */
public class SecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set "
            + SecretKeys.ENV
            + " to the base64 of 32 random bytes, the same value for the API and the worker:\n\n"
            + "    export "
            + SecretKeys.ENV
            + "=\"$(openssl rand -base64 32)\"\n\n"
            + "Keep it: secrets stored under one key cannot be read with another.",
        cause);
  }
}
