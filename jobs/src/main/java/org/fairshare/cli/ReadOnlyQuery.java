package org.fairshare.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.CurrentNamespace$;
import org.apache.spark.sql.catalyst.analysis.ExpressionWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedGenerator;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedQualify;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PipeOperator;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LimitAll;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One SQL statement, parsed by Spark and checked to do nothing but read the warehouse's tables by
 * their plain names: a query (SELECT, WITH, VALUES, set operations), SHOW TABLES, SHOW COLUMNS,
 * DESCRIBE, or EXPLAIN of such a query. Spark SQL can also read any file by path, call Java
 * methods, change settings, add jars and write tables; the check walks the parsed plan, every node
 * of which must be of a kind known to only read, and refuses anything else, so a form not listed
 * here is refused rather than run.
 */
final class ReadOnlyQuery {

  /** The parsed plan's node kinds that only read. Exact classes: a subclass may do more. */
  private static final Set<Class<?>> READING_NODES =
      Set.of(
          Project.class,
          Filter.class,
          Aggregate.class,
          UnresolvedHaving.class,
          UnresolvedQualify.class,
          Sort.class,
          GlobalLimit.class,
          LocalLimit.class,
          LimitAll.class,
          Offset.class,
          Distinct.class,
          Join.class,
          LateralJoin.class,
          SubqueryAlias.class,
          UnresolvedSubqueryColumnAliases.class,
          UnresolvedRelation.class,
          UnresolvedTableOrView.class,
          UnresolvedTableValuedFunction.class,
          UnresolvedTVFAliases.class,
          OneRowRelation.class,
          LocalRelation.class,
          UnresolvedInlineTable.class,
          Union.class,
          Intersect.class,
          Except.class,
          UnresolvedWith.class,
          WithWindowDefinition.class,
          Generate.class,
          Pivot.class,
          Unpivot.class,
          Sample.class,
          RepartitionByExpression.class,
          UnresolvedHint.class,
          PipeOperator.class,
          ShowTables.class,
          CurrentNamespace$.class,
          ShowColumns.class,
          DescribeRelation.class,
          DescribeColumn.class,
          DescribeQueryCommand.class,
          ExplainCommand.class);

  /**
   * Built-in functions that reach outside the query's rows: Java methods by reflection, or files
   * (Avro's avroSchemaUrl option reads a schema file; protobuf's descriptor argument is a file).
   */
  private static final Map<String, String> OUTSIDE_FUNCTIONS =
      Map.of(
          "reflect", "calls Java methods",
          "java_method", "calls Java methods",
          "try_reflect", "calls Java methods",
          "from_avro", "can read a schema file",
          "to_avro", "can read a schema file",
          "schema_of_avro", "can read a schema file",
          "from_protobuf", "reads a descriptor file",
          "to_protobuf", "reads a descriptor file");

  /** The one table-valued function allowed: it makes numbers and reads nothing. */
  private static final String RANGE = "range";

  /**
   * Data sources whose name before a path reads that path ({@code csv.`/etc/passwd`}): only for the
   * wording, as every qualified name is refused.
   */
  private static final Set<String> FILE_SOURCES =
      Set.of(
          "csv",
          "json",
          "parquet",
          "orc",
          "text",
          "binaryfile",
          "avro",
          "delta",
          "xml",
          "image",
          "libsvm");

  private static final String ALLOWED =
      "SELECT, WITH, VALUES, UNION/INTERSECT/EXCEPT, SHOW TABLES, SHOW COLUMNS, DESCRIBE, EXPLAIN";

  private final Set<String> tables;
  private final boolean listsTables;

  private ReadOnlyQuery(Set<String> tables, boolean listsTables) {
    this.tables = tables;
    this.listsTables = listsTables;
  }

  /**
   * Returns the statement's reads, once it is checked to only read tables by name.
   *
   * @throws RefusedQueryException naming the first part that is not a plain read, or where the
   *     statement does not parse
   */
  static ReadOnlyQuery of(ParserInterface parser, String sql) {
    LogicalPlan plan;
    try {
      plan = parser.parsePlan(sql);
    } catch (ParseException e) {
      throw new RefusedQueryException(describe(sql, e));
    }
    Walk walk = new Walk();
    walk.plan(plan);
    Set<String> named = new TreeSet<>(walk.relations);
    // A CTE's name is read like a table's; it is no table to open.
    named.removeAll(walk.cteNames);
    return new ReadOnlyQuery(named, walk.listsTables);
  }

  /**
   * Returns a parse failure as one line saying where and what. Spark's message starts with a blank
   * line and spans several; a second statement after a semicolon gets a plainer word.
   */
  private static String describe(String sql, ParseException e) {
    String what =
        e.getMessage()
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .findFirst()
            .orElse(e.getClass().getSimpleName())
            .replaceAll("\\s*SQLSTATE: \\w+", "")
            .replaceAll("\\s*\\(line \\d+, pos \\d+\\)$", "");
    if (e.line().isEmpty() || e.startPosition().isEmpty()) {
      return "syntax error: " + what;
    }
    int line = (Integer) e.line().get();
    int column = (Integer) e.startPosition().get();
    String where = "line " + line + ", column " + (column + 1);
    if (before(sql, line, column).stripTrailing().endsWith(";")) {
      return "sql runs one statement at a time; a second one starts at " + where;
    }
    return "syntax error at " + where + ": " + what;
  }

  /** Returns the text before a line (from 1) and column (from 0). */
  private static String before(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) {
        return sql;
      }
      offset = nl + 1;
    }
    return sql.substring(0, Math.min(sql.length(), offset + column));
  }

  /** Returns the names of the tables the statement reads, in lower case, sorted. */
  Set<String> tables() {
    return tables;
  }

  /** Returns true for SHOW TABLES, which lists every table the session knows. */
  boolean listsTables() {
    return listsTables;
  }

  /** One pass over a parsed plan, collecting the names it reads and refusing what it must not. */
  private static final class Walk {
    private static final Set<String> BUILT_IN = builtInFunctions();

    final Set<String> relations = new HashSet<>();
    final Set<String> cteNames = new HashSet<>();
    boolean listsTables;

    void plan(LogicalPlan node) {
      if (!READING_NODES.contains(node.getClass())) {
        throw new RefusedQueryException(
            "sql runs one read-only statement ("
                + ALLOWED
                + ") over the warehouse's tables; refused: "
                + node.nodeName());
      }
      if (node instanceof UnresolvedRelation r) {
        relations.add(tableName(CollectionConverters.asJava(r.multipartIdentifier())));
      } else if (node instanceof UnresolvedTableOrView t) {
        relations.add(tableName(CollectionConverters.asJava(t.multipartIdentifier())));
      } else if (node instanceof UnresolvedTableValuedFunction f) {
        List<String> name = CollectionConverters.asJava(f.name());
        if (!name.equals(List.of(RANGE))) {
          throw new RefusedQueryException(
              "sql reads the warehouse's tables by name, not through table functions: "
                  + String.join(".", name)
                  + "(...) is refused (only range(...) is allowed)");
        }
      } else if (node instanceof ShowTables) {
        listsTables = true;
      } else if (node instanceof ShowColumns c && c.namespace().isDefined()) {
        throw new RefusedQueryException(
            "sql shows the warehouse's own tables: SHOW COLUMNS ... IN a namespace is refused");
      } else if (node instanceof UnresolvedWith w) {
        CollectionConverters.asJava(w.cteRelations())
            .forEach(cte -> cteNames.add(cte._1().toLowerCase(Locale.ROOT)));
      }
      // Every field, not only children and expressions(): a WINDOW clause's definitions, a CTE's
      // bodies and EXPLAIN's query are held in fields of their own.
      CollectionConverters.asJava(node.productIterator()).forEachRemaining(this::any);
    }

    void expression(Expression e) {
      if (e instanceof UnresolvedFunction f) {
        function(CollectionConverters.asJava(f.nameParts()));
      } else if (e instanceof UnresolvedGenerator g) {
        FunctionIdentifier id = g.name();
        List<String> parts = new ArrayList<>();
        if (id.catalog().isDefined()) {
          parts.add(id.catalog().get());
        }
        if (id.database().isDefined()) {
          parts.add(id.database().get());
        }
        parts.add(id.funcName());
        function(parts);
      } else if (e instanceof ExpressionWithUnresolvedIdentifier) {
        throw new RefusedQueryException(
            "sql needs function names written out: IDENTIFIER(...) as a function is refused");
      }
      CollectionConverters.asJava(e.productIterator()).forEachRemaining(this::any);
    }

    /** Walks a node's field: a plan, an expression, or a collection, option or tuple of them. */
    void any(Object field) {
      if (field instanceof LogicalPlan p) {
        plan(p);
      } else if (field instanceof Expression e) {
        expression(e);
      } else if (field instanceof scala.collection.Iterable<?> items) {
        CollectionConverters.asJava(items).forEach(this::any);
      } else if (field instanceof scala.Option<?> option && option.isDefined()) {
        any(option.get());
      } else if (field instanceof scala.Product tuple
          && tuple.productPrefix().startsWith("Tuple")) {
        CollectionConverters.asJava(tuple.productIterator()).forEachRemaining(this::any);
      }
    }

    private void function(List<String> nameParts) {
      String name = String.join(".", nameParts);
      if (nameParts.size() != 1) {
        throw new RefusedQueryException(
            "sql runs built-in functions by their plain names; refused: " + name);
      }
      String key = name.toLowerCase(Locale.ROOT);
      String reach = OUTSIDE_FUNCTIONS.get(key);
      if (reach != null) {
        throw new RefusedQueryException(
            "sql runs no function that reaches outside the tables; refused: "
                + name
                + " ("
                + reach
                + ")");
      }
      if (!BUILT_IN.contains(key)) {
        throw new RefusedQueryException("no built-in function '" + name + "'");
      }
    }

    private static String tableName(List<String> parts) {
      if (parts.size() == 1) {
        return parts.get(0).toLowerCase(Locale.ROOT);
      }
      String written =
          parts.stream()
              .map(p -> p.matches("\\w+") ? p : "`" + p + "`")
              .collect(Collectors.joining("."));
      if (parts.size() == 2
          && (FILE_SOURCES.contains(parts.get(0).toLowerCase(Locale.ROOT))
              || parts.get(1).contains("/"))) {
        throw new RefusedQueryException(
            "sql reads the warehouse's tables by name, not files by path: "
                + written
                + " is refused");
      }
      throw new RefusedQueryException(
          "sql reads the warehouse's tables by their plain names: "
              + written
              + " is refused (write the table's name alone)");
    }

    private static Set<String> builtInFunctions() {
      Set<String> names = new HashSet<>();
      CollectionConverters.asJava(FunctionRegistry$.MODULE$.builtin().listFunction())
          .forEach(id -> names.add(id.funcName().toLowerCase(Locale.ROOT)));
      return names;
    }
  }
}
