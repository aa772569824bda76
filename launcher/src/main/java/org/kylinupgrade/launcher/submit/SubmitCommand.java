package org.kylinupgrade.launcher.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.conf.Secrets;

/** One {@code spark-submit} invocation: what {@code --print-command} prints and what the launcher submits. */
public record SubmitCommand(String command, String sparkSubmit, String master, String deployMode, String name,
    String mainClass, String queue, String principal, String keytab, List<String> jars, List<String> files,
    Map<String, String> conf, String jobJar, List<String> args) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SubmitCommand {
    jars = List.copyOf(jars);
    files = List.copyOf(files);
    conf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    args = List.copyOf(args);
  }

  /**
   * The same invocation as it may be shown (printed, logged, echoed before a submission): the values of
   * secret-looking Spark properties and job options masked, and any secret inside a value (a {@code password=}
   * in a URL option, a URL's user-info password). The keytab's path stays: it names the file, not its content.
   */
  public SubmitCommand redacted() {
    Map<String, String> shownConf = new LinkedHashMap<>();
    conf.forEach((key, value) -> shownConf.put(key, Secrets.mask(key, value)));
    List<String> shownArgs = new ArrayList<>();
    String option = null;
    for (String arg : args) {
      shownArgs.add(option != null ? Secrets.mask(option, arg) : Secrets.redact(arg));
      option = arg.startsWith("--") && !arg.contains("=") ? arg.substring(2) : null;
    }
    return new SubmitCommand(command, sparkSubmit, master, deployMode, name, mainClass, queue, principal, keytab,
        jars.stream().map(Secrets::redact).toList(), files.stream().map(Secrets::redact).toList(), shownConf,
        Secrets.redact(jobJar), shownArgs);
  }

  /** The spark-submit options, without the executable, the jar and the job's arguments. */
  public List<String> sparkOptions() {
    List<String> options = new ArrayList<>();
    options.add("--master");
    options.add(master);
    if (deployMode != null) {
      options.add("--deploy-mode");
      options.add(deployMode);
    }
    options.add("--name");
    options.add(name);
    options.add("--class");
    options.add(mainClass);
    addIfSet(options, "--queue", queue);
    addIfSet(options, "--principal", principal);
    addIfSet(options, "--keytab", keytab);
    addIfSet(options, "--jars", jars.isEmpty() ? null : String.join(",", jars));
    addIfSet(options, "--files", files.isEmpty() ? null : String.join(",", files));
    conf.forEach((key, value) -> {
      options.add("--conf");
      options.add(key + "=" + value);
    });
    return options;
  }

  public List<String> argv() {
    List<String> argv = new ArrayList<>();
    argv.add(sparkSubmit);
    argv.addAll(sparkOptions());
    argv.add(jobJar);
    argv.addAll(args);
    return argv;
  }

  public String toText() {
    return ShellWords.join(argv());
  }

  public ObjectNode toJson() {
    ObjectNode json = JSON.createObjectNode();
    json.put("command", command);
    json.put("spark_submit", sparkSubmit);
    json.put("master", master);
    json.put("deploy_mode", deployMode);
    json.put("name", name);
    json.put("class", mainClass);
    json.put("queue", queue);
    json.put("principal", principal);
    json.put("keytab", keytab);
    strings(json.putArray("jars"), jars);
    strings(json.putArray("files"), files);
    ObjectNode confJson = json.putObject("conf");
    conf.forEach(confJson::put);
    json.put("jar", jobJar);
    strings(json.putArray("args"), args);
    strings(json.putArray("argv"), argv());
    return json;
  }

  public String toJsonText() {
    try {
      return JSON.writeValueAsString(toJson());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void addIfSet(List<String> options, String name, String value) {
    if (value != null) {
      options.add(name);
      options.add(value);
    }
  }
}
