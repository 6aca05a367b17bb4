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
}
