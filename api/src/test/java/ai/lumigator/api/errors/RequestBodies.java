package ai.lumigator.api.errors;

import ai.lumigator.api.urls.OutboundUrlPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads a request body the way the API does (the application's Jackson settings, then {@link
 * ValidatedBodies}), without a server: for unit tests of what a body becomes.
 */
public final class RequestBodies {
  private static final ObjectMapper MAPPER = mapper();

  private RequestBodies() {}

  /**
   * @throws RequestShapeException as the API would answer 422
   */
  public static <T> T read(String json, Class<T> type) {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request()));
    try {
      BodyProblems.start();
      T body = MAPPER.readValue(json, type);
      return type.cast(
          new ValidatedBodies(OutboundUrlPolicy.defaults())
              .afterBodyRead(body, null, null, type, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
  }

  private static ObjectMapper mapper() {
    Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
    new BodyReadingConfiguration().pydanticLikeBodies().customize(builder);
    return builder.build();
  }

  /** A request that only keeps attributes (where the body's problems are noted). */
  private static HttpServletRequest request() {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestBodies.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  default -> null;
                });
  }
}
