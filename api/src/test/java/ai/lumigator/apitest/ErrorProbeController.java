package ai.lumigator.apitest;

import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.errors.ConflictException;
import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.NotFoundException;
import ai.lumigator.api.errors.PayloadTooLargeException;
import ai.lumigator.api.errors.UpstreamException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Endpoints that fail in every way a controller can, for the error handler's tests. Lives outside
 * {@code ai.lumigator.api} so the application's component scan never picks it up; tests add it as
 * an extra source.
 */
@RestController
@RequestMapping("/probe")
public class ErrorProbeController {
  public static final String INTERNALS = "db password hunter2 at com.example.Internal";

  public record Body(
      @NotNull @Size(max = 5) String name, int count, UUID id, Map<String, Object> extra) {}

  @GetMapping("/api/{kind}")
  public String api(@PathVariable String kind) {
    throw switch (kind) {
      case "not-found" -> new NotFoundException("Dataset", "42");
      case "bad-request" -> new BadRequestException("cannot do that");
      case "conflict" -> new ConflictException("not yet");
      case "invalid" -> new InvalidInputException("Dataset is invalid: not a CSV file");
      case "too-large" -> new PayloadTooLargeException("Dataset upload exceeds the 50.0MB limit");
      case "upstream" ->
          new UpstreamException("s3", "connection refused", new RuntimeException(INTERNALS));
      default -> new IllegalArgumentException(kind);
    };
  }

  @GetMapping("/boom")
  public String boom() {
    throw new IllegalStateException(INTERNALS);
  }

  @GetMapping("/status")
  public String status() {
    throw new ResponseStatusException(HttpStatus.GONE, INTERNALS);
  }

  @GetMapping("/uuid/{id}")
  public String uuid(@PathVariable UUID id) {
    return id.toString();
  }

  @GetMapping("/query")
  public int query(@RequestParam int n, @RequestParam(required = false) Boolean flag) {
    return n;
  }

  @GetMapping("/limited")
  public int limited(@RequestParam @Max(100) int limit) {
    return limit;
  }

  @GetMapping("/header")
  public String header(@RequestHeader("X-Probe") String probe) {
    return probe;
  }

  @PostMapping("/body")
  public Body body(@Valid @RequestBody Body body) {
    return body;
  }

  /** An endpoint that declares what it consumes: other types get the 415. */
  @PostMapping(value = "/form", consumes = "multipart/form-data")
  public String form() {
    return "ok";
  }

  /** A filter that fails before any controller: the container forwards to /error. */
  @Bean
  FilterRegistrationBean<Filter> failingFilter() {
    Filter filter =
        (request, response, chain) -> {
          String mode = ((HttpServletRequest) request).getHeader("X-Filter-Fails");
          if ("throw".equals(mode)) throw new IllegalStateException(INTERNALS);
          if ("send-error".equals(mode)) {
            ((HttpServletResponse) response).sendError(400);
            return;
          }
          chain.doFilter(request, response);
        };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/probe/*");
    return registration;
  }
}
