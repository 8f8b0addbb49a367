package ai.lumigator.workflows.config;

import ai.lumigator.activities.secrets.SecretCipher;
import ai.lumigator.activities.secrets.SecretStore;
import ai.lumigator.persistence.secrets.SecretDao;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The secret cipher and store, for the API and the worker alike. Without a valid key
 * (LUMIGATOR_SECRET_KEY) neither process starts; {@link SecretKeyFailureAnalyzer} explains why.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {
  /** Bound from {@code LUMIGATOR_SECRET_KEY} in lumigator.yaml. */
  public static final String KEY_PROPERTY = "lumigator.secrets.key";

  // Read from the Environment rather than bound into a properties record: the key must not sit in
  // an object whose toString() might end up in a log.
  @Bean
  SecretCipher secretCipher(Environment environment) {
    return SecretCipher.fromBase64Key(environment.getProperty(KEY_PROPERTY));
  }

  @Bean
  SecretStore secretStore(Jdbi jdbi, SecretCipher cipher) {
    return new SecretStore(jdbi.onDemand(SecretDao.class), cipher, Clock.systemUTC());
  }
}
