package org.kylinupgrade.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.kylinupgrade.conf.ConfMerge;
import org.kylinupgrade.conf.MergeResult;
import org.kylinupgrade.conf.PropertiesFile;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Carries an operator's v1 kylin.properties into the v2 template, with a report of what went where. */
@Command(name = "merge-conf", mixinStandardHelpOptions = true,
    description = {"Merge an operator's v1 kylin.properties into the v2 template: the template's order and comments, "
        + "the operator's own values (those that differ from the v1 template's defaults, or every value without "
        + "--old-template), the v2 defaults for the rest, and the operator's keys v2 does not know kept at the end.",
        "The merged file goes to --out or standard output; the report to standard error (or standard output with --out)."})
public final class MergeConfJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--old", paramLabel = "FILE", required = true, description = "the operator's v1 kylin.properties")
  Path old;

  @Option(names = "--new", paramLabel = "FILE", required = true, description = "the v2 kylin.properties template")
  Path template;

  @Option(names = "--old-template", paramLabel = "FILE",
      description = "the v1 template the operator's file started from, to tell the operator's values from old defaults")
  Path oldTemplate;

  @Option(names = "--out", paramLabel = "FILE", description = "where the merged file goes (default: standard output)")
  Path out;

  public static void main(String[] args) {
    JobCommandLine.main(new MergeConfJob(), args);
  }

  @Override
  public Integer call() throws IOException {
    Console console = cluster.console();
    PropertiesFile operator = read(old, "--old");
    PropertiesFile v2Template = read(template, "--new");
    PropertiesFile v1Template = oldTemplate == null ? null : read(oldTemplate, "--old-template");
    MergeResult merged = ConfMerge.merge(operator, v2Template, v1Template);
    // the merged file may be on standard output, so the report must not be
    Console report = out == null ? console.onErr() : console;
    if (out == null) {
      console.product(merged.text());
    } else {
      write(merged.text());
    }
    merged.report().lines().forEach(report::info);
    if (out != null) {
      report.outcome("merged file written to " + out);
    }
    merged.report().writeTo(cluster.reportFile());
    return ExitCodes.OK;
  }

  /** {@code Properties.load(InputStream)} reads ISO-8859-1; reading and writing it keeps every byte as it was. */
  private static PropertiesFile read(Path file, String option) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(option + " " + file + " does not exist or is not a file");
    }
    try {
      return PropertiesFile.parse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    } catch (PropertiesFile.MalformedException e) {
      throw new BadInputException(option + " " + file + ", " + e.getMessage());
    }
  }

  /** Written whole or not at all. */
  private void write(String text) throws IOException {
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new BadInputException("--out " + out + " is a folder: name the file to write the merged kylin.properties to");
    }
    Path dir = target.getParent() == null ? Paths.get(".") : target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("--out " + out + ": folder " + dir + " does not exist");
    }
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, text.getBytes(StandardCharsets.ISO_8859_1));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
