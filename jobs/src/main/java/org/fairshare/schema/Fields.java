package org.fairshare.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/** Builds schema fields that carry their documentation (comment and unit) as column metadata. */
public final class Fields {
  private Fields() {}

  /** Returns a non-nullable field with a comment; units belong in the comment, e.g. "(GBP)". */
  public static StructField required(String name, DataType type, String comment) {
    return new StructField(name, type, false, Metadata.empty()).withComment(comment);
  }

  /** Returns a nullable field with a comment. */
  public static StructField optional(String name, DataType type, String comment) {
    return new StructField(name, type, true, Metadata.empty()).withComment(comment);
  }
}
