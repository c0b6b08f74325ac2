package dev.wasmformer.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LifecycleMappingTest {
  @Test
  void everyGoalBoundToAPhaseIsExecutedByM2eOnIncrementalBuilds() throws Exception {
    Document mapping = parse("META-INF/m2e/lifecycle-mapping-metadata.xml");
    Document descriptor = parse("META-INF/maven/plugin.xml");

    List<String> bound = new ArrayList<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (!childText(mojo, "phase").isEmpty()) bound.add(childText(mojo, "goal"));
    }
    assertThat(bound).contains("compile").doesNotContain("run");

    List<String> executed = new ArrayList<>();
    NodeList executions = mapping.getElementsByTagName("pluginExecution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      Element execute = (Element) execution.getElementsByTagName("execute").item(0);
      if (execute == null || !childText(execute, "runOnIncremental").equals("true")) continue;
      NodeList goals = execution.getElementsByTagName("goal");
      for (int g = 0; g < goals.getLength(); g++) executed.add(goals.item(g).getTextContent().trim());
    }
    assertThat(executed).containsExactlyInAnyOrderElementsOf(bound);
  }

  @Test
  void theCompileGoalBindsToGenerateSourcesSoThatToolsThatOnlyGenerateSourcesSeeTheClass() throws Exception {
    Document descriptor = parse("META-INF/maven/plugin.xml");
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    String phase = null;
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (childText(mojo, "goal").equals("compile")) phase = childText(mojo, "phase");
    }
    assertThat(phase).isEqualTo("generate-sources");
  }

  private static Document parse(String resource) throws Exception {
    try (InputStream in = LifecycleMappingTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
  }

  private static String childText(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) return e.getTextContent().trim();
    }
    return "";
  }
}
