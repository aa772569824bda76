package org.kylinupgrade.launcher.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kylinupgrade.launcher.LauncherRun;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * scripts/oozie and scripts/airflow: up to date with the launcher, valid for Oozie's own schemas, the
 * expected DAG, and the same class, jar, conf and arguments as the launcher's --print-command --format json.
 */
class SchedulerFilesTest {
  private static final String WORKFLOW_NS = "uri:oozie:workflow:1.0";
  private static final String SPARK_NS = "uri:oozie:spark-action:1.0";
  private static final List<String> MAIN_PATH = List.of("backup", "upgrade", "coprocessor", "validate");
  private static final Pattern CONF_OPT = Pattern.compile("--conf ([^=\\s]+)=(\"[^\"]*\"|\\S+)");
  private static final Pattern AIRFLOW_PARAM = Pattern.compile("\\{\\{ params\\.(\\w+) }}");

  private static Path scripts() {
    return LauncherRun.repo().resolve("scripts");
  }

  @Test
  void checkedInFilesAreWhatTheLauncherGenerates() throws IOException {
    Map<String, String> generated = SchedulerFiles.render(LauncherRun.environment(Map.of()));
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertEquals(file.getValue(), Files.readString(scripts().resolve(file.getKey())),
          "scripts/" + file.getKey() + " is out of date: run `scripts/kylin-upgrade scheduler-files`");
    }
  }

  @Test
  void workflowIsValidForOoziesWorkflowAndSparkActionSchemas() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    List<Source> schemas = new ArrayList<>();
    for (String xsd : List.of("oozie-workflow-1.0.xsd", "spark-action-1.0.xsd")) {
      URL url = getClass().getClassLoader().getResource(xsd);
      assertNotNull(url, xsd + " from oozie-client");
      schemas.add(new StreamSource(url.toExternalForm()));
    }
    factory.newSchema(schemas.toArray(new Source[0])).newValidator()
        .validate(new StreamSource(scripts().resolve(SchedulerFiles.WORKFLOW).toFile()));
  }

  @Test
  void workflowRunsTheChainAndRollsBackOnAnyError() throws Exception {
    Document workflow = workflow();
    Element start = (Element) workflow.getElementsByTagNameNS(WORKFLOW_NS, "start").item(0);
    assertEquals("backup", start.getAttribute("to"));
    Map<String, Element> actions = actions(workflow);
    assertEquals(Set.of("backup", "upgrade", "coprocessor", "validate", "rollback"), actions.keySet());
    for (int i = 0; i < MAIN_PATH.size(); i++) {
      Element action = actions.get(MAIN_PATH.get(i));
      assertEquals(i + 1 < MAIN_PATH.size() ? MAIN_PATH.get(i + 1) : "end", transition(action, "ok"));
      assertEquals("rollback", transition(action, "error"), MAIN_PATH.get(i) + "'s error path");
    }
    assertEquals("rolled-back", transition(actions.get("rollback"), "ok"));
    assertEquals("rollback-failed", transition(actions.get("rollback"), "error"));
    Set<String> kills = new TreeSet<>();
    NodeList killNodes = workflow.getElementsByTagNameNS(WORKFLOW_NS, "kill");
    for (int i = 0; i < killNodes.getLength(); i++) {
      kills.add(((Element) killNodes.item(i)).getAttribute("name"));
    }
    assertEquals(Set.of("rolled-back", "rollback-failed"), kills, "a rolled-back run still ends as failed");
    Properties jobProperties = new Properties(scripts().resolve(SchedulerFiles.JOB_PROPERTIES));
    for (String parameter : parametersUsed(Files.readString(scripts().resolve(SchedulerFiles.WORKFLOW)))) {
      assertTrue(jobProperties.has(parameter), "job.properties sets ${" + parameter + "}");
    }
  }

  @Test
  void dagHasTheChainTheOperatorsAndARollbackOnFailure() throws Exception {
    JsonNode dag = dagStructure();
    assertEquals("airflow.providers.apache.spark.operators.spark_submit", dag.get("imports").get("SparkSubmitOperator").asText());
    assertEquals("airflow.utils.trigger_rule", dag.get("imports").get("TriggerRule").asText());
    JsonNode tasks = dag.get("tasks");
    Set<String> ids = new TreeSet<>();
    tasks.fieldNames().forEachRemaining(ids::add);
    assertEquals(new TreeSet<>(List.of("backup", "upgrade", "coprocessor", "validate", "rollback", "rolled_back")), ids);
    for (String id : List.of("backup", "upgrade", "coprocessor", "validate", "rollback")) {
      assertEquals("SparkSubmitOperator", tasks.get(id).get("operator").asText(), id);
      assertEquals(id, tasks.get(id).get("kwargs").get("task_id").asText());
      assertEquals(AirflowDag.CONN_ID, tasks.get(id).get("kwargs").get("conn_id").asText());
    }
    assertEquals("TriggerRule.ONE_FAILED", tasks.get("rollback").get("kwargs").get("trigger_rule").asText());
    for (String id : MAIN_PATH) {
      assertTrue(tasks.get(id).get("kwargs").get("trigger_rule") == null, id + " runs only after its upstream succeeded");
    }
    assertEquals("BashOperator", tasks.get("rolled_back").get("operator").asText());
    Set<List<String>> edges = new java.util.HashSet<>();
    dag.get("edges").forEach(e -> edges.add(List.of(e.get(0).asText(), e.get(1).asText())));
    Set<List<String>> expected = new java.util.HashSet<>(List.of(List.of("backup", "upgrade"), List.of("upgrade", "coprocessor"),
        List.of("coprocessor", "validate"), List.of("rollback", "rolled_back")));
    MAIN_PATH.forEach(id -> expected.add(List.of(id, "rollback")));
    assertEquals(expected, edges);
    assertTrue(dag.get("dag").get("schedule").isNull(), "run when triggered");
  }

  /** hbaseMajor picks the build: Oozie's expression evaluated as EL does, with job.properties' values. */
  @Test
  void theJobJarIsTheBuildTheHBaseMajorParameterNames() throws Exception {
    for (Element action : actions(workflow()).values()) {
      Element spark = (Element) action.getElementsByTagNameNS(SPARK_NS, "spark").item(0);
      assertEquals(SchedulerChain.JOB_JAR, text(spark, "jar").get(0), action.getAttribute("name"));
    }
    java.util.Properties jobProperties = new java.util.Properties();
    try (java.io.Reader in = Files.newBufferedReader(scripts().resolve(SchedulerFiles.JOB_PROPERTIES))) {
      jobProperties.load(in);
    }
    String version = org.kylinupgrade.launcher.config.LauncherEnvironment.version();
    assertEquals("2", jobProperties.getProperty("hbaseMajor"), "the HBase 2.x build unless the operator says otherwise");
    String hbase2 = jobProperties.getProperty("jobJar");
    String hbase1 = jobProperties.getProperty("jobJarHBase1");
    assertTrue(hbase2.endsWith("/" + org.kylinupgrade.launcher.submit.JobBuild.HBASE2.jarName(version)), hbase2);
    assertTrue(hbase1.endsWith("/" + org.kylinupgrade.launcher.submit.JobBuild.HBASE1.jarName(version)), hbase1);
    for (String jar : List.of(hbase1, hbase2)) {
      assertTrue(!jar.contains("/lib/"), jar + ": Oozie puts lib/ on the class path, where the two builds would clash");
    }
    assertEquals(hbase2, evaluate(SchedulerChain.JOB_JAR, "2", hbase1, hbase2));
    assertEquals(hbase1, evaluate(SchedulerChain.JOB_JAR, "1", hbase1, hbase2));

    JsonNode dag = dagStructure();
    JsonNode params = dag.get("dag").get("params");
    assertEquals("2", params.get("hbaseMajor").asText());
    assertTrue(params.get("jobJar").asText().endsWith("kylin-upgrade-job-cluster.jar"), params::toString);
    assertTrue(params.get("jobJarHBase1").asText().endsWith("kylin-upgrade-job-hbase1-cluster.jar"), params::toString);
    dag.get("tasks").fields().forEachRemaining(task -> {
      if (task.getValue().get("operator").asText().equals("SparkSubmitOperator")) {
        assertEquals(AirflowDag.JOB_JAR, task.getValue().get("kwargs").get("application").asText(), task.getKey());
      }
    });
  }

  /** A workflow's ${...} expression with the parameters set, as Oozie's expression language reads it. */
  private static String evaluate(String expression, String hbaseMajor, String jobJarHBase1, String jobJar) {
    javax.el.ELProcessor el = new javax.el.ELProcessor();
    el.defineBean("hbaseMajor", hbaseMajor);
    el.defineBean("jobJarHBase1", jobJarHBase1);
    el.defineBean("jobJar", jobJar);
    assertTrue(expression.startsWith("${") && expression.endsWith("}"), expression);
    return (String) el.getValue(expression.substring(2, expression.length() - 1), String.class);
  }

  /** Each step of both schedulers against what the launcher prints for the same command line. */
  @TestFactory
  Stream<DynamicTest> schedulersCarryWhatTheLauncherPrints() throws Exception {
    Map<String, Element> actions = actions(workflow());
    JsonNode tasks = dagStructure().get("tasks");
    Set<String> commands = LauncherRun.commands();
    return SchedulerChain.allSteps().stream().map(step -> DynamicTest.dynamicTest(step.id(), () -> {
      assertTrue(commands.contains(step.command()), "the " + step.command() + " command is on the command line");
      List<String> line = new ArrayList<>(SchedulerChain.commandLine(step));
      line.addAll(List.of("--print-command", "--format", "json"));
      LauncherRun run = LauncherRun.run(Map.of(), line.toArray(new String[0]));
      assertEquals(0, run.exitCode, run::toString);
      JsonNode printed = run.json();
      assertOozieActionIs(printed, actions.get(step.id()));
      assertAirflowTaskIs(printed, tasks.get(step.id()).get("kwargs"));
    }));
  }

  private static void assertOozieActionIs(JsonNode printed, Element action) {
    Element spark = (Element) action.getElementsByTagNameNS(SPARK_NS, "spark").item(0);
    assertEquals(printed.get("master").asText(), text(spark, "master").get(0));
    assertEquals(printed.get("deploy_mode").asText(), text(spark, "mode").get(0));
    assertEquals(printed.get("name").asText(), text(spark, "name").get(0));
    assertEquals(printed.get("class").asText(), text(spark, "class").get(0));
    assertEquals(printed.get("jar").asText(), text(spark, "jar").get(0));
    assertEquals(strings(printed.get("args")), text(spark, "arg"));
    assertEquals(strings(printed.get("files")), text(spark, "file"));
    Map<String, String> conf = new LinkedHashMap<>();
    Matcher m = CONF_OPT.matcher(text(spark, "spark-opts").get(0));
    while (m.find()) {
      conf.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
    }
    assertEquals(map(printed.get("conf")), conf, "spark-opts carry the printed Spark properties");
  }

  private static void assertAirflowTaskIs(JsonNode printed, JsonNode task) {
    assertEquals(printed.get("name").asText(), task.get("name").asText());
    assertEquals(printed.get("class").asText(), task.get("java_class").asText());
    assertEquals(printed.get("jar").asText(), oozieStyle(task.get("application").asText()));
    assertEquals(strings(printed.get("args")), strings(task.get("application_args")).stream().map(SchedulerFilesTest::oozieStyle).toList());
    assertEquals(String.join(",", strings(printed.get("files"))), oozieStyle(task.get("files").asText()));
    Map<String, String> conf = new LinkedHashMap<>();
    map(task.get("conf")).forEach((k, v) -> conf.put(k, oozieStyle(v)));
    assertEquals(map(printed.get("conf")), conf);
  }

  /** Airflow's {{ params.x }} as the ${x} the launcher was given, and its choice of job jar as Oozie's. */
  private static String oozieStyle(String value) {
    if (value.equals(AirflowDag.JOB_JAR)) {
      return SchedulerChain.JOB_JAR;
    }
    return AIRFLOW_PARAM.matcher(value).replaceAll("\\${$1}");
  }

  private static Document workflow() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(scripts().resolve(SchedulerFiles.WORKFLOW).toFile());
  }

  private static Map<String, Element> actions(Document workflow) {
    Map<String, Element> actions = new LinkedHashMap<>();
    NodeList nodes = workflow.getElementsByTagNameNS(WORKFLOW_NS, "action");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element action = (Element) nodes.item(i);
      actions.put(action.getAttribute("name"), action);
    }
    return actions;
  }

  private static String transition(Element action, String name) {
    return ((Element) action.getElementsByTagNameNS(WORKFLOW_NS, name).item(0)).getAttribute("to");
  }

  private static List<String> text(Element parent, String name) {
    List<String> values = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals(name)) {
        values.add(e.getTextContent());
      }
    }
    return values;
  }

  private static Set<String> parametersUsed(String workflow) {
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(workflow);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static JsonNode dagStructure() throws Exception {
    Path script = LauncherRun.repo().resolve("launcher/src/test/python/dag_structure.py");
    Process python = new ProcessBuilder("python3", script.toString(), scripts().resolve(SchedulerFiles.DAG).toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(python.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, python.exitValue(), "python3 reads the DAG with ast");
    return new ObjectMapper().readTree(out);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Map<String, String> map(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  /** job.properties, as Oozie reads it. */
  private static final class Properties {
    private final java.util.Properties properties = new java.util.Properties();

    Properties(Path file) throws IOException {
      try (java.io.Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
    }

    boolean has(String name) {
      return properties.containsKey(name);
    }
  }
}
