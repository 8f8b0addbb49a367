package ai.lumigator.api.cors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, but a refused request gets {@code {"detail": ...}}, not plain text. */
final class JsonRejectingCorsProcessor extends DefaultCorsProcessor {
  static final String BODY =
      "{\"detail\":\"Invalid CORS request: origin, method or header not allowed\"}";

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    response.setStatusCode(HttpStatus.FORBIDDEN);
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    response.getBody().write(BODY.getBytes(StandardCharsets.UTF_8));
    response.flush();
  }
}
