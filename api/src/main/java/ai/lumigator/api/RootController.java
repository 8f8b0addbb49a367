package ai.lumigator.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RootController {
  @GetMapping("/")
  public Map<String, String> hello() {
    return Map.of("Hello", "Lumigator!🐊");
  }
}
