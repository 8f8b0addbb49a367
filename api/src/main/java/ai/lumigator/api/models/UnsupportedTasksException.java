package ai.lumigator.api.models;

import ai.lumigator.api.errors.BadRequestException;
import java.util.Collection;
import java.util.stream.Collectors;

/** 400 "Unsupported task(s): {'x'}. Choose from: {'summarization', ...}" (as upstream words it). */
public class UnsupportedTasksException extends BadRequestException {
  public UnsupportedTasksException(Collection<String> unknown, Collection<String> supported) {
    super("Unsupported task(s): " + set(unknown) + ". Choose from: " + set(supported));
  }

  private static String set(Collection<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "{", "}"));
  }
}
