package ai.lumigator.api.errors;

import java.util.List;

/** One item of a 422 request-shape error, as FastAPI reports them: {loc, msg, type}. */
public record ValidationError(List<Object> loc, String msg, String type) {}
