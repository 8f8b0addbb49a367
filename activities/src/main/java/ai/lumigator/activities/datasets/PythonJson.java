package ai.lumigator.activities.datasets;

import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it with its defaults ({@code
 * ensure_ascii}: every character outside printable ASCII as a lower-case {@code \\uXXXX}), compact
 * ({@code ", "} and {@code ": "}) or with {@code indent=2}: the bytes Hugging Face {@code datasets}
 * writes in its files. Values: maps (in their iteration order), lists, strings, numbers, booleans
 * and null.
 */
final class PythonJson {
  private static final String HEX = "0123456789abcdef";

  private PythonJson() {}

  /** As {@code json.dumps(value)}. */
  static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, -1, 0);
    return out.toString();
  }

  /** As {@code json.dumps(value, indent=2)}. */
  static String indented(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 2, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int indent, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      int i = 0;
      out.append('{');
      for (Map.Entry<?, ?> e : map.entrySet()) {
        separator(out, i++, indent, depth + 1);
        string(out, (String) e.getKey());
        out.append(": ");
        write(out, e.getValue(), indent, depth + 1);
      }
      close(out, map.isEmpty(), indent, depth, '}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        separator(out, i, indent, depth + 1);
        write(out, list.get(i), indent, depth + 1);
      }
      close(out, list.isEmpty(), indent, depth, ']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void separator(StringBuilder out, int index, int indent, int depth) {
    if (indent < 0) {
      if (index > 0) out.append(", ");
      return;
    }
    if (index > 0) out.append(',');
    out.append('\n').append(" ".repeat(indent * depth));
  }

  private static void close(StringBuilder out, boolean empty, int indent, int depth, char end) {
    if (!empty && indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
    out.append(end);
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            out.append("\\u")
                .append(HEX.charAt(c >> 12))
                .append(HEX.charAt((c >> 8) & 0xf))
                .append(HEX.charAt((c >> 4) & 0xf))
                .append(HEX.charAt(c & 0xf));
          }
        }
      }
    }
    out.append('"');
  }
}
