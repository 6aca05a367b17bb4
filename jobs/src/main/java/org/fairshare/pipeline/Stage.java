package org.fairshare.pipeline;

import java.util.List;
import org.fairshare.schema.OutputTable;

/**
 * One stage of {@code bin/fairshare run}: reads tables through the context, computes with pure
 * transforms, writes its output tables through the context. Stages run in the order the pipeline
 * lists them, so a stage may read what earlier stages wrote in this run.
 */
public interface Stage {

  /** Returns the stage's name, as logged and recorded in the run log. */
  String name();

  /** Returns the tables this stage writes (created if missing before the run starts). */
  List<OutputTable> outputs();

  /** Runs the stage; throws to fail the run. */
  void run(StageContext ctx);

  /**
   * Returns the input datasets the stage needs (directly or through earlier stages' tables): when
   * one is not provided ({@code inputs.<name>.path} unset or blank) the run skips the stage and
   * says why in the summary and run_log.
   */
  default List<String> requiredInputs() {
    return List.of();
  }

  /** Returns the stage, declaring that it needs these inputs. */
  static Stage requiring(Stage stage, List<String> inputs) {
    return new Stage() {
      @Override
      public String name() {
        return stage.name();
      }

      @Override
      public List<OutputTable> outputs() {
        return stage.outputs();
      }

      @Override
      public void run(StageContext ctx) {
        stage.run(ctx);
      }

      @Override
      public List<String> requiredInputs() {
        return inputs;
      }
    };
  }
}
