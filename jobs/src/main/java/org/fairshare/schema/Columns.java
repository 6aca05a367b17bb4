package org.fairshare.schema;

/**
 * Column names shared by more than one table, spelled once. Table classes re-export the ones they
 * use so that callers read {@code Population.AREA_CODE} rather than reaching in here.
 */
public final class Columns {
  private Columns() {}

  public static final String AREA_CODE = "area_code";
  public static final String AREA_NAME = "area_name";
  public static final String YEAR = "year";
  public static final String SEX = "sex";
  public static final String AGE = "age";
  public static final String SERVICE = "service";
  public static final String PRACTICE_CODE = "practice_code";
  public static final String PCN_CODE = "pcn_code";
  public static final String MSOA_CODE = "msoa_code";
  public static final String LA_CODE = "la_code";
  public static final String PLACE_CODE = "place_code";
  public static final String SUB_ICB_CODE = "sub_icb_code";
  public static final String ICB_CODE = "icb_code";
  public static final String REGION_CODE = "region_code";
  public static final String ORGANISATION_CODE = "organisation_code";
  public static final String FINANCIAL_YEAR = "financial_year";
  public static final String SCENARIO = "scenario";

  /** Highest single year of age; the value means "this age and over", as ONS publishes it. */
  public static final int MAX_AGE = 90;
}
