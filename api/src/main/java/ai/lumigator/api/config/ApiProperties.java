package ai.lumigator.api.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-only settings, bound from {@code lumigator.api.*}.
 *
 * @param deploymentType reported by the health endpoint: local, development, staging, production
 * @param maxJsonBodyBytes largest JSON request body (413 beyond); the dataset upload has its own
 * @param baseUrlDeny hosts and networks a job's model server URL may not point at
 * @param baseUrlAllow when not empty, the only hosts and networks it may point at
 */
@ConfigurationProperties("lumigator.api")
public record ApiProperties(
    @DefaultValue("local") String deploymentType,
    @DefaultValue("1048576") long maxJsonBodyBytes,
    @DefaultValue({
          "169.254.0.0/16",
          "fe80::/10",
          "fd00:ec2::254",
          "100.100.100.200",
          "metadata.google.internal",
          "metadata"
        })
        List<String> baseUrlDeny,
    @DefaultValue({}) List<String> baseUrlAllow) {}
