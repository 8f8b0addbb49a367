package ai.lumigator.api.errors;

import ai.lumigator.api.urls.OutboundUrl;
import ai.lumigator.api.urls.OutboundUrlCheck;
import ai.lumigator.api.urls.OutboundUrlPolicy;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every request body that is a record is checked once read: the problems Jackson read past ({@link
 * BodyProblems}) and then the record's Bean Validation constraints, together one 422 whose items
 * say what pydantic would ({@code loc} in the JSON names the client sent), in the order pydantic
 * lists them: that of the fields' declarations ({@link DeclarationOrder}).
 */
@ControllerAdvice
public class ValidatedBodies extends RequestBodyAdviceAdapter {
  private static final ObjectMapper NAMES = new ObjectMapper();
  private final Validator validator;

  public ValidatedBodies(OutboundUrlPolicy urls) {
    var configuration = Validation.byProvider(HibernateValidator.class).configure();
    ConstraintValidatorFactory defaults = configuration.getDefaultConstraintValidatorFactory();
    validator =
        configuration
            .propertyNodeNameProvider(new JsonNames())
            .constraintValidatorFactory(
                new ConstraintValidatorFactory() {
                  @Override
                  public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                    return key == OutboundUrlCheck.class
                        ? key.cast(new OutboundUrlCheck(urls))
                        : defaults.getInstance(key);
                  }

                  @Override
                  public void releaseInstance(ConstraintValidator<?, ?> instance) {
                    defaults.releaseInstance(instance);
                  }
                })
            .buildValidatorFactory()
            .getValidator();
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    Type raw = targetType instanceof ParameterizedType p ? p.getRawType() : targetType;
    return raw instanceof Class<?> c && c.isRecord();
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    BodyProblems.start();
    return input;
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<ValidationError> errors = new ArrayList<>(BodyProblems.take());
    if (body == null) {
      // JSON null: FastAPI answers a required body that is null as a missing one
      throw new RequestShapeException(
          List.of(new ValidationError(List.of("body"), "Field required", "missing")));
    }
    validator.validate(body).stream()
        .map(ValidatedBodies::error)
        .filter(e -> !errors.contains(e) && !readPast(errors, e))
        .forEach(errors::add);
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(e -> DeclarationOrder.of(body, e.loc()), LEXICOGRAPHIC));
      throw new RequestShapeException(errors);
    }
    return body;
  }

  /** A value Jackson could not read is null to the validator: its type error is the one to say. */
  private static boolean readPast(List<ValidationError> problems, ValidationError e) {
    return "missing".equals(e.type()) && problems.stream().anyMatch(p -> p.loc().equals(e.loc()));
  }

  static ValidationError error(ConstraintViolation<?> v) {
    List<Object> loc = new ArrayList<>();
    loc.add("body");
    for (Path.Node node : v.getPropertyPath()) {
      if (node.getIndex() != null) loc.add(node.getIndex());
      if (node.getName() != null && !node.getName().startsWith("<")) loc.add(node.getName());
    }
    Annotation a = v.getConstraintDescriptor().getAnnotation();
    if (v.getInvalidValue() == null && a instanceof NotNull && isElement(v)) {
      // a null in a list of strings, as pydantic says of it
      return new ValidationError(loc, "Input should be a valid string", "string_type");
    }
    if (v.getInvalidValue() == null && (a instanceof NotNull || a instanceof NotBlank)) {
      return new ValidationError(loc, "Field required", "missing");
    }
    if (a instanceof NotBlank) {
      return new ValidationError(
          loc, "String should have at least 1 character", "string_too_short");
    }
    if (a instanceof Positive) {
      return new ValidationError(loc, "Input should be greater than 0", "greater_than");
    }
    if (a instanceof OutboundUrl) {
      String[] problem = v.getMessage().split("\\|", 2);
      return new ValidationError(loc, problem[1], problem[0]);
    }
    if (a instanceof Literal l) {
      return new ValidationError(
          loc, "Input should be '" + l.value() + "' for this endpoint", "literal_error");
    }
    if (a instanceof Characters c && v.getInvalidValue() instanceof String s) {
      return Characters.Check.problem(loc, s, c.min(), c.max());
    }
    return new ValidationError(loc, v.getMessage(), "value_error");
  }

  private static boolean isElement(ConstraintViolation<?> v) {
    Path.Node last = null;
    for (Path.Node node : v.getPropertyPath()) last = node;
    return last != null && last.getKind() == ElementKind.CONTAINER_ELEMENT;
  }

  private static final Comparator<List<Integer>> LEXICOGRAPHIC =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = Integer.compare(a.get(i), b.get(i));
          if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
      };

  /** The name Jackson reads a record component by ({@code @JsonProperty}), for {@code loc}. */
  private static final class JsonNames implements PropertyNodeNameProvider {
    @Override
    public String getName(Property property) {
      if (property instanceof JavaBeanProperty p) {
        BeanDescription d =
            NAMES.getSerializationConfig().introspect(NAMES.constructType(p.getDeclaringClass()));
        return d.findProperties().stream()
            .filter(x -> x.getInternalName().equals(p.getName()))
            .map(BeanPropertyDefinition::getName)
            .findFirst()
            .orElse(p.getName());
      }
      return property.getName();
    }
  }
}
