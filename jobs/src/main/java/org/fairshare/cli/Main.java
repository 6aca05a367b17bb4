package org.fairshare.cli;

import java.util.Optional;
import org.fairshare.config.ConfigException;
import org.fairshare.ingest.DataQualityException;
import org.fairshare.ingest.InputException;
import org.fairshare.output.DiskFullException;
import org.fairshare.output.Warehouse;
import org.fairshare.pipeline.InputChangedException;
import org.fairshare.spark.SessionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/fairshare} and of spark-submit. */
@Command(
    name = "fairshare",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Need-weighted NHS place allocations, equity checks and inequality indicators.",
    subcommands = {
      GenerateCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      TablesCommand.class,
      SqlCommand.class,
      HistoryCommand.class,
      IndicatorsCommand.class,
      BenchCommand.class,
      PublishCommand.class,
      DiffCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 data-quality failure, 2 usage or config error, 3 runtime failure."
    })
public final class Main implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code; for tests and embedding. */
  public static int execute(String... args) {
    CommandLine cli = HelpLayout.install(new CommandLine(new Main()));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof DataQualityException) {
            Console.err("fairshare: " + e.getMessage());
            return ExitCodes.DATA_QUALITY;
          }
          if (e instanceof InputException) {
            Console.err("fairshare: " + e.getMessage());
            return ExitCodes.DATA_QUALITY;
          }
          if (e instanceof ConfigException || e instanceof RefusedQueryException) {
            Console.err("fairshare: " + e.getMessage());
            return ExitCodes.USAGE;
          }
          LOG.debug("failure", e);
          if (e instanceof InputChangedException) {
            Console.err("fairshare: " + e.getMessage());
            return ExitCodes.RUNTIME;
          }
          if (DiskFullException.isDiskFull(e)) {
            Console.err("fairshare: " + diskFull(e));
            return ExitCodes.RUNTIME;
          }
          if (Warehouse.isConflict(e)) {
            Console.err(
                "fairshare: conflict: another run wrote the same table slice at the same time ("
                    + firstLine(e.getMessage())
                    + "). This run's write was not committed and the table is intact; run again,"
                    + " or run different scenarios or years side by side.");
            return ExitCodes.RUNTIME;
          }
          Console.err(
              "fairshare: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + firstLine(e.getMessage())
                  + "\n(run again with --verbose for Spark's logging)");
          return ExitCodes.RUNTIME;
        });
    cli.setParameterExceptionHandler(
        (e, args2) -> {
          Console.err("fairshare: " + e.getMessage());
          Console.err("see: bin/fairshare " + commandPath(e.getCommandLine()) + " --help");
          return ExitCodes.USAGE;
        });
    Optional<SessionSettings> existing = SessionSettings.ofExistingSession();
    try {
      return cli.execute(args);
    } finally {
      existing.ifPresent(SessionSettings::restore);
    }
  }

  private static String commandPath(CommandLine cl) {
    return cl.getCommandSpec().qualifiedName().replaceFirst("^fairshare ?", "");
  }

  /** Returns the warehouse write's own report of a full disk, or one naming what Spark said. */
  private static String diskFull(Throwable e) {
    Throwable innermost = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DiskFullException) {
        return t.getMessage();
      }
      innermost = t;
    }
    return "disk full: "
        + firstLine(innermost.getMessage())
        + "; free space on the warehouse's disk or Spark's scratch folder (spark.local.dir) and run"
        + " again";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Reports the build's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"fairshare " + org.fairshare.pipeline.CodeVersion.get()};
    }
  }
}
