package ai.lumigator.api.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (a filter's {@code sendError}, an exception in a filter,
 * the container refusing a request) are forwarded here by the servlet container. Replaces Spring
 * Boot's whitelabel/"timestamp, status, error, path" body with {@code {"detail": ...}}.
 */
@Hidden
@RestController
public class JsonErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof Throwable t) {
      return ApiExceptionHandler.internal(t);
    }
    // asked for directly, not forwarded: there is no such resource
    HttpStatusCode status =
        code instanceof Integer i ? HttpStatusCode.valueOf(i) : HttpStatus.NOT_FOUND;
    if (status.is5xxServerError()) {
      return ApiExceptionHandler.internal(
          new IllegalStateException("HTTP " + status.value() + " for " + requestUri(request)));
    }
    return ApiExceptionHandler.detail(status, ApiExceptionHandler.reason(status));
  }

  private static Object requestUri(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
  }
}
