package ai.lumigator.api.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * A string field that accepts only JSON strings: Jackson would turn {@code 123} or {@code true}
 * into "123" or "true", where the contract (and pydantic) answer 422 "Input should be a valid
 * string". Use with {@code @JsonDeserialize(using = StrictString.class)}.
 */
public class StrictString extends StdScalarDeserializer<String> {
  public StrictString() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    return (String) ctxt.handleUnexpectedToken(String.class, p);
  }
}
