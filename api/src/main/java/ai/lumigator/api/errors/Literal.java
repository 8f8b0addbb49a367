package ai.lumigator.api.errors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that, when sent, must be the one value the endpoint takes (pydantic's {@code Literal}),
 * such as a job config's {@code job_type}; any other value, of any JSON type, is a 422 {@code
 * literal_error}. Absent (null) is valid: the endpoint's value is meant.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = Literal.Check.class)
public @interface Literal {
  String value();

  String message() default "literal";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<Literal, Object> {
    private String value;

    @Override
    public void initialize(Literal a) {
      value = a.value();
    }

    @Override
    public boolean isValid(Object sent, ConstraintValidatorContext context) {
      return sent == null || value.equals(sent);
    }
  }
}
