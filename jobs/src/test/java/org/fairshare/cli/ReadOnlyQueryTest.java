package org.fairshare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fairshare.SparkTestBase;
import org.junit.jupiter.api.Test;

/** The check alone, over the session's parser: no warehouse, no query run. */
class ReadOnlyQueryTest extends SparkTestBase {

  private static ReadOnlyQuery check(String sql) {
    return ReadOnlyQuery.of(spark.sessionState().sqlParser(), sql);
  }

  @Test
  void tablesAreTheNamesReadAnywhereInTheStatementInLowerCase() {
    assertThat(
            check(
                    "select * from A join b using (k) where k in (select k from c)"
                        + " and exists (select 1 from d) union all select * from e")
                .tables())
        .containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void aCteNameIsNoTableToOpen() {
    ReadOnlyQuery q =
        check("with x as (select * from a), y as (select * from x join b) select * from y");
    assertThat(q.tables()).containsExactly("a", "b");
  }

  @Test
  void explainAndDescribeNameTheirTables() {
    assertThat(check("explain select * from a where k > (select max(k) from b)").tables())
        .containsExactly("a", "b");
    assertThat(check("describe a").tables()).containsExactly("a");
    assertThat(check("describe query select * from c").tables()).containsExactly("c");
    assertThat(check("show columns from d").tables()).containsExactly("d");
  }

  @Test
  void onlyShowTablesListsTables() {
    assertThat(check("show tables").listsTables()).isTrue();
    assertThat(check("show tables").tables()).isEmpty();
    assertThat(check("select * from a").listsTables()).isFalse();
  }

  @Test
  void aQueryOfNoTableNamesNone() {
    assertThat(check("select sum(id) from range(3)").tables()).isEmpty();
    assertThat(check("values (1), (2)").tables()).isEmpty();
  }

  @Test
  void functionsAreCheckedInEveryClause() {
    for (String sql :
        new String[] {
          "select 1 from a group by java_method('java.lang.System', 'getenv', 'HOME')",
          "select * from a order by reflect('java.lang.System', 'getenv', 'HOME')",
          "select * from a lateral view java_method('x', 'y') t as c",
          "select * from a, lateral (select reflect('x', 'y'))",
          "select transform(array(1), x -> reflect('x', 'y'))",
          "select * from range(cast(reflect('x', 'y') as int))",
          "select * from a where k = (with z as (select try_reflect('x', 'y') r) select r from z)"
        }) {
      assertThatThrownBy(() -> check(sql))
          .as(sql)
          .isInstanceOf(RefusedQueryException.class)
          .hasMessageContaining("calls Java methods");
    }
  }

  @Test
  void aSyntaxErrorSaysWhereOnWhichLine() {
    assertThatThrownBy(() -> check("select *\nfrom a\nwhere k >"))
        .isInstanceOf(RefusedQueryException.class)
        .hasMessageStartingWith("syntax error at line 3, column ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aSecondStatementOnALaterLineIsNamedAsSuch() {
    assertThatThrownBy(() -> check("select * from a;\nselect * from b"))
        .isInstanceOf(RefusedQueryException.class)
        .hasMessage("sql runs one statement at a time; a second one starts at line 2, column 1");
  }
}
