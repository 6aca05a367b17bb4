package org.fairshare.spark;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The runtime settings of a session as they were at one moment, to hand the session back as it was:
 * a command run where a session already exists (a notebook, a test JVM) sets its own {@code
 * spark.*} keys and shuffle partitions on it.
 */
public final class SessionSettings {
  private final SparkSession spark;
  private final Map<String, String> before;

  private SessionSettings(SparkSession spark) {
    this.spark = spark;
    this.before = Map.copyOf(CollectionConverters.asJava(spark.conf().getAll()));
  }

  /** Returns the session's settings as they are now. */
  public static SessionSettings of(SparkSession spark) {
    return new SessionSettings(spark);
  }

  /** Returns the settings of the session this JVM already has, if it has one. */
  public static Optional<SessionSettings> ofExistingSession() {
    scala.Option<SparkSession> session = SparkSession.getDefaultSession();
    return session.isDefined() ? Optional.of(new SessionSettings(session.get())) : Optional.empty();
  }

  /** Sets every runtime setting changed since back to its value, and unsets those added since. */
  public void restore() {
    Map<String, String> now = CollectionConverters.asJava(spark.conf().getAll());
    for (String key : now.keySet()) {
      if (!before.containsKey(key)) {
        change(key, null);
      }
    }
    before.forEach(
        (key, value) -> {
          if (!value.equals(now.get(key))) {
            change(key, value);
          }
        });
  }

  // A static or core setting refuses the change; a command could not have changed it either.
  private void change(String key, String value) {
    try {
      if (value == null) {
        spark.conf().unset(key);
      } else {
        spark.conf().set(key, value);
      }
    } catch (Exception refused) { // Spark's AnalysisException, thrown undeclared
      // Left as it is.
    }
  }
}
