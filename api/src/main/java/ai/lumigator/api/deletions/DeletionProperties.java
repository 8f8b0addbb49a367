package ai.lumigator.api.deletions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestWait how long a delete request waits for its deletion workflow to end before
 *     answering (the rows are hidden at once either way); 0 answers at once
 */
@ConfigurationProperties("lumigator.api.deletions")
public record DeletionProperties(@DefaultValue("20s") Duration requestWait) {}
