package ai.lumigator.persistence.testing;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * Backs {@link DatabaseTest}: opens one database of each kind per test class (closed with the
 * class) and empties them before each test.
 */
public final class TestDatabases implements ArgumentsProvider, BeforeEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestDatabases.class);

  @Override
  public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
    return Arrays.stream(TestDatabase.Kind.values())
        .map(kind -> Arguments.of(database(context, kind)));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = classStore(context);
    for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
      TestDatabase database = store.get(kind, TestDatabase.class);
      if (database != null) {
        database.reset();
      }
    }
  }

  /** The class's database of this kind, opened on first use. */
  public static TestDatabase database(ExtensionContext context, TestDatabase.Kind kind) {
    return classStore(context)
        .getOrComputeIfAbsent(kind, TestDatabase.Kind::open, TestDatabase.class);
  }

  private static ExtensionContext.Store classStore(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().orElseThrow();
    }
    return classContext.getStore(NAMESPACE);
  }
}
