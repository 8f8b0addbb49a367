package ai.lumigator.api.urls;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/**
 * Checks an {@link OutboundUrl} against the policy; the violation's message is the problem's {@code
 * type|msg} (fixed texts: nothing the client sent goes into a message template).
 */
public final class OutboundUrlCheck implements ConstraintValidator<OutboundUrl, String> {
  private final OutboundUrlPolicy policy;

  public OutboundUrlCheck(OutboundUrlPolicy policy) {
    this.policy = policy;
  }

  @Override
  public boolean isValid(String url, ConstraintValidatorContext context) {
    if (url == null || url.isBlank()) return true; // as absent: clients send "" for none
    Optional<OutboundUrlPolicy.Problem> problem = policy.problem(url);
    if (problem.isEmpty()) return true;
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(problem.get().type() + "|" + problem.get().msg())
        .addConstraintViolation();
    return false;
  }
}
