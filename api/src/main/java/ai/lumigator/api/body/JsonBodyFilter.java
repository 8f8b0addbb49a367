package ai.lumigator.api.body;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Reads the body of every endpoint that takes a JSON body ({@code @RequestBody}) as JSON whatever
 * its Content-Type, as FastAPI does for the original: the published SDK sends its JSON with no
 * Content-Type, {@code curl -d} sends {@code application/x-www-form-urlencoded}. Such a request is
 * seen downstream as {@code application/json} with no charset (JSON's own encoding detection), so a
 * body that is not JSON gets the usual 422. Runs before Spring's form handling, which would
 * otherwise consume a form-typed body. A JSON body longer than the limit is refused with a 413
 * before it is parsed (it is read at most to the limit). Endpoints without a JSON body (the
 * multipart upload, which has its own limit) are left alone.
 */
public class JsonBodyFilter extends OncePerRequestFilter {
  private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final RequestMappingHandlerMapping mappings;
  private final long maxBytes;

  public JsonBodyFilter(RequestMappingHandlerMapping mappings, long maxBytes) {
    this.mappings = mappings;
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!METHODS_WITH_BODY.contains(request.getMethod()) || !takesJsonBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body =
        request.getContentLengthLong() > maxBytes
            ? null
            : request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE, maxBytes + 1));
    if (body == null || body.length > maxBytes) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setHeader(HttpHeaders.CONNECTION, "close");
      response
          .getOutputStream()
          .write(
              ("{\"detail\": \"Request body exceeds the " + maxBytes + "-byte limit\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    HttpServletRequest read = new BufferedRequest(request, body);
    chain.doFilter(isJson(request.getContentType()) ? read : new JsonTypedRequest(read), response);
  }

  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) return false;
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.getType().equals("application")
          && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private boolean takesJsonBody(HttpServletRequest request) {
    HandlerExecutionChain handler;
    try {
      handler = mappings.getHandler(new LookupOnlyRequest(request));
    } catch (Exception e) {
      return false; // no such route (or method): the dispatcher answers as it always does
    }
    return handler != null
        && handler.getHandler() instanceof HandlerMethod method
        && java.util.Arrays.stream(method.getMethodParameters())
            .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
  }

  /** The request as the handler lookup sees it: its attributes stay out of the real request. */
  private static final class LookupOnlyRequest extends HttpServletRequestWrapper {
    private final Map<String, Object> attributes = new HashMap<>();

    LookupOnlyRequest(HttpServletRequest request) {
      super(request);
      ServletRequestPathUtils.parseAndCache(this);
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.put(name, null);
    }
  }

  /** The request with its body, already read, served from memory. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /** The request with {@code Content-Type: application/json}, no charset. */
  private static final class JsonTypedRequest extends HttpServletRequestWrapper {
    JsonTypedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getContentType() {
      return MediaType.APPLICATION_JSON_VALUE;
    }

    @Override
    public String getCharacterEncoding() {
      return null;
    }

    @Override
    public String getHeader(String name) {
      return isContentType(name) ? getContentType() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isContentType(name)
          ? Collections.enumeration(Set.of(getContentType()))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>();
      for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
        String name = e.nextElement();
        if (!isContentType(name)) names.add(name);
      }
      names.add(HttpHeaders.CONTENT_TYPE);
      return Collections.enumeration(names);
    }

    private static boolean isContentType(String name) {
      return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
    }
  }
}
