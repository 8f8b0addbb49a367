package ai.lumigator.api.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * An integer field read as pydantic's lax mode reads one: a JSON integer, a float with no fraction
 * ({@code 7.0}) or a string of digits ({@code "7"}); anything else, a fraction ({@code 2.5}) or a
 * value beyond Java's {@code int}, is a 422 "Input should be a valid integer" instead of being cut
 * to an int as Jackson would.
 */
public class LaxInteger extends StdScalarDeserializer<Integer> {
  public LaxInteger() {
    super(Integer.class);
  }

  @Override
  public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return (int) d;
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return Integer.parseInt(p.getText().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
  }
}
