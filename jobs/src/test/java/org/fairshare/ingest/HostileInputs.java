package org.fairshare.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairshare.config.FairshareConfig;
import org.fairshare.schema.Activity;
import org.fairshare.schema.Deprivation;
import org.fairshare.schema.GeographyLookup;
import org.fairshare.schema.Population;

/**
 * A tiny input set in CSV with one of each classic defect, for ingest tests. Clean rows and defects
 * are listed together so a test can say exactly what it expects.
 */
public final class HostileInputs {
  private HostileInputs() {}

  static final List<String> CONTRACTS =
      List.of(GeographyLookup.DATASET, Population.DATASET, Deprivation.DATASET, Activity.DATASET);

  static final String GEOGRAPHY =
      """
      area_code,area_name,lsoa_vintage,msoa_code,msoa_name,la_code,la_name,place_code,place_name,sub_icb_code,sub_icb_name,icb_code,icb_name,region_code,region_name
      XA21000001,Area 1,2021,XM21000001,M1,XL000001,LA 1,XL000001,Place 1,XS00001,S1,XQ0001,ICB 1,XR01,Region 1
      XA21000002,Area 2,2021,XM21000001,M1,XL000001,LA 1,XL000001,Place 1,XS00001,S1,XQ0001,ICB 1,XR01,Region 1
      XA21000003,"Area 3, the ""odd"" one",2021,XM21000002,M2,XL000002,LA 2,XL000002,Place 2,XS00001,S1,XQ0001,ICB 1,XR01,Region 1
      """;

  /** Line numbers count the header as line 1. */
  static final String POPULATION =
      """
      area_code,year,sex,age,persons
      XA21000001,2024,F,0,10
      XA21000001,2024,M,0,12
      XA21000002,2024,F,0,9
      XA21000002,2024,M,0,11
      XA21000003,2024,F,0,-5
      XA21000003,2024,M,0,7,extra
      XA11000003,2024,M,1,7
      XA21999999,2024,M,1,7
      XA21000001,2024,F,1,4
      XA21000001,2024,F,1,5
      XA21000002,2024,F,1,8
      XA21000002,2024,F,1,8
      XA21000003,2024,F,1,many
      """;

  static final String DEPRIVATION =
      """
      area_code,imd_vintage,imd_score,imd_rank,imd_decile
      XA21000001,SYNTHETIC,40.5,1,1
      XA21000002,SYNTHETIC,20.1,2,5
      XA21000003,SYNTHETIC,5.2,3,11
      """;

  static final String ACTIVITY =
      """
      area_code,year,sex,age,service,events
      XA21000001,2024,F,0,emergency_admissions,3
      XA21000002,2024,M,0,emergency_admissions,2
      XA21000002,2024,M,50,emergency_admissions,1
      XA21000001,2024,F,0,elective_admissions,2.5
      """;

  /** Expected first rule of each quarantined row, by dataset and line. */
  static final Map<String, String> EXPECTED_REJECTS =
      Map.ofEntries(
          Map.entry("population:6", "range_persons"),
          Map.entry("population:7", "malformed_line"),
          Map.entry("population:8", "area_vintage_mismatch"),
          Map.entry("population:9", "unknown_area"),
          Map.entry("population:10", "duplicate_key"),
          Map.entry("population:11", "duplicate_key"),
          Map.entry("population:13", "duplicate_row"),
          Map.entry("population:14", "type_persons"),
          Map.entry("deprivation:4", "range_imd_decile"),
          Map.entry("activity:4", "activity_without_population"),
          Map.entry("activity:5", "type_events"));

  /** Writes the files under {@code dir} and returns config overrides that read them. */
  public static Map<String, String> write(Path dir, Path warehouse) {
    Map<String, String> files =
        Map.of(
            GeographyLookup.DATASET, GEOGRAPHY,
            Population.DATASET, POPULATION,
            Deprivation.DATASET, DEPRIVATION,
            Activity.DATASET, ACTIVITY);
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("data.dir", dir.toString());
    cfg.put("warehouse.path", warehouse.toString());
    cfg.put("generate.if_missing", "false");
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue());
        cfg.put("inputs." + e.getKey() + ".path", e.getKey() + ".csv");
        cfg.put("inputs." + e.getKey() + ".format", "csv");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cfg;
  }

  static FairshareConfig config(Path dir, Path warehouse, Map<String, String> more) {
    Map<String, String> cfg = write(dir, warehouse);
    cfg.putAll(more);
    return FairshareConfig.of(cfg);
  }
}
