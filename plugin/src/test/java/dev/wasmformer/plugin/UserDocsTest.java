package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The user documentation says what the plugin really has: each goal's parameter table lists
 * exactly the goal's parameters with their properties (from the plugin descriptor), and every
 * version a reader copies is the project's.
 */
class UserDocsTest {
  private static final Path DOCS = Path.of("../docs");
  private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| `(wasmformer\\.\\w+)` \\|", Pattern.MULTILINE);

  @Test
  void eachGoalsParameterTableListsExactlyItsParametersAndProperties() throws Exception {
    String doc = Files.readString(DOCS.resolve("maven-plugin.md"));
    Map<String, Map<String, String>> goals = descriptorParameters();
    assertThat(goals).containsOnlyKeys("compile", "run");
    for (var goal : goals.entrySet()) {
      String heading = "## `wasmformer:" + goal.getKey() + "`";
      int start = doc.indexOf(heading);
      assertThat(start).as(heading).isNotNegative();
      int end = doc.indexOf("\n## ", start + heading.length());
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      Map<String, String> documented = new LinkedHashMap<>();
      Matcher m = ROW.matcher(section);
      while (m.find()) documented.put(m.group(1), m.group(2));
      assertThat(documented).as("the parameter table of %s", heading).isEqualTo(goal.getValue());
    }
  }

  @Test
  void theVersionsAReaderCopiesAreTheProjects() throws Exception {
    String version = System.getProperty("wasmformer.expectedVersion");
    assertThat(version).as("set by the plugin's surefire configuration").isNotBlank();
    Pattern versions = Pattern.compile("<version>([^<$]+)</version>|<wasmformer\\.version>([^<]+)<"
        + "|wasmformer-maven-plugin:([0-9][^:]*):|wasmformer-runtime</artifactId>\\s*<version>([^<$]+)<");
    for (String name : List.of("getting-started.md", "maven-plugin.md", "type-mapping.md", "../README.md")) {
      String doc = Files.readString(DOCS.resolve(name));
      List<String> found = new ArrayList<>();
      Matcher m = versions.matcher(doc);
      while (m.find()) {
        // other plugins' and libraries' pinned versions are theirs
        String context = doc.substring(Math.max(0, m.start() - 120), m.start());
        boolean ours = m.group(1) == null || context.contains("<groupId>dev.wasmformer</groupId>");
        if (!ours) continue;
        for (int g = 1; g <= 4; g++) if (m.group(g) != null) found.add(m.group(g));
      }
      assertThat(found).as("wasmformer versions in %s", name).allMatch(version::equals);
    }
  }

  /** Goal → (editable parameter → its property), from the generated plugin descriptor. */
  private static Map<String, Map<String, String>> descriptorParameters() throws Exception {
    Document descriptor;
    try (InputStream in = UserDocsTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).as("the plugin descriptor").isNotNull();
      descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    Map<String, Map<String, String>> goals = new LinkedHashMap<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
      Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
      Map<String, String> parameters = new LinkedHashMap<>();
      NodeList params = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
      for (int p = 0; p < params.getLength(); p++) {
        Element param = (Element) params.item(p);
        if (!param.getElementsByTagName("editable").item(0).getTextContent().equals("true")) continue;
        String name = param.getElementsByTagName("name").item(0).getTextContent();
        String expression = configuration.getElementsByTagName(name).item(0).getTextContent();
        parameters.put(name, expression.replaceAll("^\\$\\{(.*)}$", "$1"));
      }
      goals.put(goal, parameters);
    }
    return goals;
  }
}
