package ai.lumigator.api.errors;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One item of a 422 request-shape error, as FastAPI reports them: {loc, msg, type}. {@code loc}
 * starts with where the value was (body, query, path, header), then field names or list indexes.
 */
@Schema(name = "ValidationError")
public record ValidationError(
    @ArraySchema(
            schema = @Schema(oneOf = {String.class, Integer.class}),
            arraySchema = @Schema(example = "[\"body\", \"value\"]"))
        List<Object> loc,
    @Schema(example = "Field required") String msg,
    @Schema(example = "missing") String type) {}
