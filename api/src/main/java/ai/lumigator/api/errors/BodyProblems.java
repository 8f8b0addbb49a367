package ai.lumigator.api.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets Jackson read on past a value of the wrong type, an unknown field of an {@link
 * ExtraForbidden} record or a union's bad tag, noting each as a {loc, msg, type} item, so that one
 * 422 lists every problem of a body as pydantic does. The notes live with the request; {@link
 * ValidatedBodies} reports them with the validator's. A problem at the body's root is left to
 * Jackson (the whole body is unreadable).
 */
public final class BodyProblems extends DeserializationProblemHandler {
  private static final String ATTRIBUTE = BodyProblems.class.getName();

  static void start() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(
          ATTRIBUTE, new ArrayList<ValidationError>(), RequestAttributes.SCOPE_REQUEST);
    }
  }

  @SuppressWarnings("unchecked")
  static List<ValidationError> take() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) return List.of();
    Object found = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return found == null ? List.of() : (List<ValidationError>) found;
  }

  @SuppressWarnings("unchecked")
  private static boolean note(List<Object> loc, String msg, String type) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null || loc.size() < 2) return false;
    Object found = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (found == null) return false;
    ((List<ValidationError>) found).add(new ValidationError(loc, msg, type));
    return true;
  }

  @Override
  public Object handleUnexpectedToken(
      DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String msg)
      throws IOException {
    ValidationError e = RequestBodyErrors.expected(loc(p), targetType.getRawClass());
    if (!note(e.loc(), e.msg(), e.type())) return NOT_HANDLED;
    p.skipChildren();
    return null;
  }

  /** A scalar where a list or an object belongs: Jackson has no way to build one of it. */
  @Override
  public Object handleMissingInstantiator(
      DeserializationContext ctxt,
      Class<?> instClass,
      com.fasterxml.jackson.databind.deser.ValueInstantiator valueInsta,
      JsonParser p,
      String msg)
      throws IOException {
    ValidationError e = RequestBodyErrors.expected(loc(p), instClass);
    if (!note(e.loc(), e.msg(), e.type())) return NOT_HANDLED;
    p.skipChildren();
    return null;
  }

  @Override
  public Object handleWeirdStringValue(
      DeserializationContext ctxt, Class<?> targetType, String value, String msg) {
    ValidationError e = RequestBodyErrors.expected(loc(ctxt.getParser()), targetType);
    return note(e.loc(), e.msg(), e.type()) ? null : NOT_HANDLED;
  }

  @Override
  public Object handleWeirdNumberValue(
      DeserializationContext ctxt, Class<?> targetType, Number value, String msg) {
    ValidationError e = RequestBodyErrors.expected(loc(ctxt.getParser()), targetType);
    return note(e.loc(), e.msg(), e.type()) ? null : NOT_HANDLED;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
    if (!type.isAnnotationPresent(ExtraForbidden.class)) return false;
    if (!note(loc(p), "Extra inputs are not permitted", "extra_forbidden")) return false;
    p.skipChildren();
    return true;
  }

  @Override
  public JavaType handleUnknownTypeId(
      DeserializationContext ctxt,
      JavaType baseType,
      String subTypeId,
      TypeIdResolver idResolver,
      String failureMsg) {
    List<Object> loc = loc(ctxt.getParser());
    String property = property(baseType);
    String msg =
        "Input tag '"
            + subTypeId
            + "' found using '"
            + property
            + "' does not match any of the expected tags: "
            + String.join(", ", tags(baseType));
    return note(loc, msg, "union_tag_invalid") ? ctxt.constructType(Void.class) : null;
  }

  @Override
  public JavaType handleMissingTypeId(
      DeserializationContext ctxt,
      JavaType baseType,
      TypeIdResolver idResolver,
      String failureMsg) {
    List<Object> loc = loc(ctxt.getParser());
    loc.add(property(baseType));
    return note(loc, "Field required", "missing") ? ctxt.constructType(Void.class) : null;
  }

  private static String property(JavaType union) {
    var info =
        union.getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
    return info == null ? "type" : info.property();
  }

  private static List<String> tags(JavaType union) {
    var subtypes =
        union.getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
    List<String> tags = new ArrayList<>();
    if (subtypes != null) {
      for (var s : subtypes.value()) tags.add("'" + s.name() + "'");
    }
    return tags;
  }

  /** Where the parser is: {@code ["body", field or index, ...]}. */
  static List<Object> loc(JsonParser p) {
    LinkedList<Object> loc = new LinkedList<>();
    JsonStreamContext c = p.getParsingContext();
    if (c != null && (p.hasToken(JsonToken.START_OBJECT) || p.hasToken(JsonToken.START_ARRAY))) {
      c = c.getParent();
    }
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) loc.addFirst(c.getCurrentName());
      if (c.inArray()) loc.addFirst(Math.max(0, c.getCurrentIndex()));
    }
    loc.addFirst("body");
    return new ArrayList<>(loc);
  }
}
