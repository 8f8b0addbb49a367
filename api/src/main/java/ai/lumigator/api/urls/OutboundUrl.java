package ai.lumigator.api.urls;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A URL that a job will call (a model server's {@code base_url}): http or https, to a host the
 * {@link OutboundUrlPolicy} allows. Null or blank is valid (no URL).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = OutboundUrlCheck.class)
public @interface OutboundUrl {
  String message() default "url";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
