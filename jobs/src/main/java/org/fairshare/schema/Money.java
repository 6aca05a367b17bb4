package org.fairshare.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** Money is a decimal with pennies, never a double, so that allocations add up exactly. */
public final class Money {
  private Money() {}

  /** GBP to the penny; 18 digits holds any plausible NHS sum (up to 10^16 pounds). */
  public static final DecimalType TYPE = DataTypes.createDecimalType(18, 2);
}
