package ai.lumigator.api.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web page (api/web, built into classpath:/static/ui/ by the Maven build) at {@code /ui/}. Its
 * assets carry a content hash in their names, so they are cached for good; the page itself is
 * revalidated, so a new build is seen at once.
 */
@Configuration
public class WebPageConfiguration implements WebMvcConfigurer {
  static final String LOCATION = "classpath:/static/ui/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/ui", "/ui/");
    registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/ui/assets/**")
        .addResourceLocations(LOCATION + "assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/ui/*.html")
        .addResourceLocations(LOCATION)
        .setCacheControl(CacheControl.noCache());
  }
}
