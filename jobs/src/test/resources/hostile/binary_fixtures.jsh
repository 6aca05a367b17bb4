// Writes the corpus's binary fixtures (gzip, bzip2, zip and Parquet files). Run once from the
// repository's root, after a build, with the project's classpath (see README.md here):
//   jshell -R-Dspark.driver.host=127.0.0.1 <the --add-opens flags of pom.xml, each as -R...> \
//     --class-path "jobs/target/classes:$(cat cp.txt)" jobs/src/test/resources/hostile/binary_fixtures.jsh
// The bytes are checked in; the corpus test never runs this.
import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.zip.*;
import org.apache.spark.sql.*;
import org.apache.spark.sql.types.*;

Path corpus = Path.of("jobs/src/test/resources/hostile");
byte[] base = Files.readAllBytes(corpus.resolve("base/population.csv"));

byte[] gzip(byte[] b) throws IOException {
  ByteArrayOutputStream out = new ByteArrayOutputStream();
  // mtime 0 in the header (GZIPOutputStream's default), so reruns give the same bytes.
  try (GZIPOutputStream g = new GZIPOutputStream(out)) { g.write(b); }
  return out.toByteArray();
}

void put(String file, byte[] b) throws IOException {
  Path p = corpus.resolve(file);
  Files.createDirectories(p.getParent());
  Files.write(p, b);
}

// Every area, sex and age of the base areas: long enough that a cut lands after the header.
StringBuilder many = new StringBuilder("area_code,year,sex,age,persons\n");
for (int a = 1; a <= 3; a++) for (String s : List.of("F", "M")) for (int age = 0; age <= 90; age++)
  many.append("XA2100000" + a + ",2024," + s + "," + age + "," + (10 + (a * 7 + age) % 23) + "\n");
byte[] manyGz = gzip(many.toString().getBytes("UTF-8"));
put("gz_valid/population.csv.gz", gzip(base));
put("gz_truncated/population.csv.gz", Arrays.copyOf(manyGz, manyGz.length * 6 / 10));
put("gz_not_gzip/population.csv.gz", base);
put("gz_empty/population.csv.gz", new byte[0]);
put("gz_of_empty_file/population.csv.gz", gzip(new byte[0]));
put("gz_utf16/population.csv.gz", gzip(Files.readAllBytes(corpus.resolve("utf16_file/population.csv"))));
put("gz_twice/population.csv.gz", gzip(gzip(base)));

ByteArrayOutputStream zipped = new ByteArrayOutputStream();
try (ZipOutputStream z = new ZipOutputStream(zipped)) {
  ZipEntry e = new ZipEntry("population.csv");
  e.setTime(0);
  z.putNextEntry(e);
  z.write(base);
  z.closeEntry();
}
ByteArrayOutputStream bz = new ByteArrayOutputStream();
org.apache.hadoop.io.compress.BZip2Codec bzip2 = new org.apache.hadoop.io.compress.BZip2Codec();
bzip2.setConf(new org.apache.hadoop.conf.Configuration());
try (OutputStream o = bzip2.createOutputStream(bz)) { o.write(base); }
put("zip_named_as_input/population.zip", zipped.toByteArray());
put("bz2_named_as_input/population.csv.bz2", bz.toByteArray());
put("folder_with_archives/population/population.csv", base);
put("folder_with_archives/population/population_2023.zip", zipped.toByteArray());
put("folder_with_archives/population/population_2023.csv.bz2", bz.toByteArray());

String[] lines = new String(base, "UTF-8").split("\n");
String header = lines[0] + "\n";
put("folder_hidden_and_success/population/part-00000.csv",
    (header + lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n").getBytes("UTF-8"));
put("folder_hidden_and_success/population/part-00001.csv.gz",
    gzip((header + lines[4] + "\n" + lines[5] + "\n" + lines[6] + "\n").getBytes("UTF-8")));

SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
StructType pop = new StructType().add("area_code", "string").add("year", "int").add("sex", "string").
    add("age", "int").add("persons", "double");
List<Row> rows = new ArrayList<>();
for (int i = 1; i < lines.length; i++) {
  String[] f = lines[i].split(",");
  rows.add(RowFactory.create(f[0], Integer.valueOf(f[1]), f[2], Integer.valueOf(f[3]), Double.valueOf(f[4])));
}
Dataset<Row> all = spark.createDataFrame(rows, pop);
Path scratch = Files.createTempDirectory("fixtures");

// One Parquet file of these rows, as Spark writes it (snappy), copied to the corpus.
byte[] parquet(Dataset<Row> d) throws IOException {
  Path dir = scratch.resolve(UUID.randomUUID().toString());
  d.coalesce(1).write().parquet(dir.toString());
  try (var s = Files.list(dir)) {
    return Files.readAllBytes(s.filter(p -> p.toString().endsWith(".parquet")).findFirst().get());
  }
}
Dataset<Row> first = all.limit(3);
Dataset<Row> rest = all.except(first);
byte[] whole = parquet(all);
put("parquet_extra_column/population.parquet", parquet(all.withColumn("source_note", functions.lit("ONS mid-2024"))));
put("parquet_truncated/population.parquet", Arrays.copyOf(whole, whole.length / 2));
byte[] noise = new byte[1024];
new Random(20261207L).nextBytes(noise);
put("parquet_not_parquet/population.parquet", noise);
put("parquet_type_drift/population/part-00000.parquet", parquet(first));
put("parquet_type_drift/population/part-00001.parquet", parquet(rest.withColumn("age", functions.col("age").cast("string"))));
// Eight bytes of a page header overwritten: the footer is intact, the first read of rows fails.
byte[] broken = parquet(first);
Arrays.fill(broken, 100, 108, (byte) 0xA5);
put("parquet_corrupt_page/population.parquet", broken);
// A data page's values damaged behind an intact footer and intact page headers: the first part
// of parquet_type_drift rewritten uncompressed, its area_code data page's dictionary ids (after
// the 4-byte length and 2 bytes of definition levels: bit width 1, a bit-packed run, "01 03 04")
// replaced by an RLE run of three ids 5 at bit width 8 ("08 06 05"). Same length, so every offset
// holds, but the ids point past the two-entry dictionary: Spark fails only as it decodes them.
// (A rerun may list a column's encodings in another order in the footer: parquet-mr keeps them
// in a hash set. The damage is the same.)
Path plainDir = scratch.resolve("plain");
spark.read().parquet(corpus.resolve("parquet_type_drift/population/part-00000.parquet").toString())
    .coalesce(1).write().option("compression", "none").parquet(plainDir.toString());
Path plainFile;
try (var s = Files.list(plainDir)) {
  plainFile = s.filter(p -> p.getFileName().toString().matches("part-.*\\.parquet")).findFirst().get();
}
byte[] damaged = Files.readAllBytes(plainFile);
long areaPage;
try (var r = org.apache.parquet.hadoop.ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile
    .fromPath(new org.apache.hadoop.fs.Path(plainFile.toUri()), new org.apache.hadoop.conf.Configuration()))) {
  areaPage = r.getFooter().getBlocks().get(0).getColumns().get(0).getFirstDataPageOffset();
}
ByteArrayInputStream pageStart = new ByteArrayInputStream(damaged, (int) areaPage, damaged.length - (int) areaPage);
org.apache.parquet.format.Util.readPageHeader(pageStart);
int ids = damaged.length - pageStart.available() + 6;
if (damaged[ids] != 1 || damaged[ids + 1] != 3 || damaged[ids + 2] != 4) throw new IllegalStateException("not the page expected");
damaged[ids] = 8; damaged[ids + 1] = 6; damaged[ids + 2] = 5;
put("parquet_damaged_values/population.parquet", damaged);
put("parquet_part_missing_column/population/part-00000.parquet", parquet(first));
put("parquet_part_missing_column/population/part-00001.parquet", parquet(rest.drop("persons")));
// A folder as Spark writes it: part files, _SUCCESS and hidden checksums.
Path spark2 = scratch.resolve("spark-folder");
all.repartition(2).write().parquet(spark2.toString());
try (var s = Files.list(spark2)) {
  for (Path p : s.toList()) put("parquet_spark_folder/population/" + p.getFileName(), Files.readAllBytes(p));
}
spark.stop();
/exit
