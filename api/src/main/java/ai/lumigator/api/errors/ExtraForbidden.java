package ai.lumigator.api.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request record whose unknown fields are each a 422 "Extra inputs are not permitted" (pydantic's
 * {@code extra="forbid"}); other records ignore unknown fields, as the original's models do.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtraForbidden {}
