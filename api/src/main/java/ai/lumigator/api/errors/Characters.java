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
 * A string of {@code min..max} characters as a person (and Python's {@code len}) counts them: code
 * points, not UTF-16 units. Null is valid (use {@code @NotNull} for a required field).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Constraint(validatedBy = Characters.Check.class)
public @interface Characters {
  int min() default 0;

  int max() default Integer.MAX_VALUE;

  String message() default "length";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<Characters, String> {
    private int min;
    private int max;

    /** The 422 item for {@code s} at {@code loc}, null when its length is within bounds. */
    public static ValidationError problem(java.util.List<Object> loc, String s, int min, int max) {
      int n = s.codePointCount(0, s.length());
      if (n < min) {
        return new ValidationError(
            loc,
            "String should have at least " + min + (min == 1 ? " character" : " characters"),
            "string_too_short");
      }
      if (n > max) {
        return new ValidationError(
            loc, "String should have at most " + max + " characters", "string_too_long");
      }
      return null;
    }

    @Override
    public void initialize(Characters a) {
      min = a.min();
      max = a.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) return true;
      int n = value.codePointCount(0, value.length());
      return n >= min && n <= max;
    }
  }
}
