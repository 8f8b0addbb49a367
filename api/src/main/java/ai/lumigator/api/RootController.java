package ai.lumigator.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the original's JSON greeting for API clients (health checks, the SDK), and a
 * redirect to the web page at {@code /ui/} for a browser, told apart by an {@code Accept} that
 * names {@code text/html} and not {@code application/json}.
 */
@RestController
public class RootController {
  static final URI WEB_PAGE = URI.create("/ui/");

  @GetMapping("/")
  public ResponseEntity<Map<String, String>> hello(
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    if (isBrowser(accept))
      return ResponseEntity.status(HttpStatus.FOUND).location(WEB_PAGE).build();
    return ResponseEntity.ok(Map.of("Hello", "Lumigator!🐊"));
  }

  static boolean isBrowser(String accept) {
    if (accept == null || accept.isBlank()) return false;
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    return types.stream().anyMatch(t -> t.equalsTypeAndSubtype(MediaType.TEXT_HTML))
        && types.stream().noneMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
  }
}
