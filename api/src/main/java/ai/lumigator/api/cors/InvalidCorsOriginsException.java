package ai.lumigator.api.cors;

/** LUMIGATOR_API_CORS_ALLOWED_ORIGINS cannot be used: the API refuses to start. */
public class InvalidCorsOriginsException extends IllegalStateException {
  public InvalidCorsOriginsException(String message) {
    super(message);
  }
}
