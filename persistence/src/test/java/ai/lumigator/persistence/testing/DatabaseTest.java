package ai.lumigator.persistence.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs the test once on SQLite and once on PostgreSQL; its first parameter is the {@link
 * TestDatabase}. Each test class gets its own databases; they are emptied before each test.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
// The databases live as long as the test class: JUnit must not close them after each test.
@ParameterizedTest(name = "{0}", autoCloseArguments = false)
@ArgumentsSource(TestDatabases.class)
@ExtendWith(TestDatabases.class)
public @interface DatabaseTest {}
