package dev.wasmformer.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmformer.isa.Opcode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/isa.md's table of trace tokens is the one TracePlan defines. */
class TracePlanDocTest {
  /** The table as it must appear in docs/isa.md. */
  static String table() {
    StringBuilder sb = new StringBuilder("| opcode | executed by the transformer | trace tokens | count |\n|---|---|---|---|\n");
    for (Opcode op : Opcode.values()) {
      String kinds = TracePlan.afterStart(op).stream().map(k -> k.name()).collect(Collectors.joining(" "));
      sb.append("| ").append(op).append(" | ").append(InterpreterGraph.SUPPORTED.contains(op) ? "yes" : "not yet")
          .append(" | START").append(kinds.isEmpty() ? "" : " " + kinds).append(" | ")
          .append(TracePlan.tokens(op)).append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void theIsaDocumentListsTheTraceTokensOfEveryOpcode() throws Exception {
    String doc = Files.readString(Path.of("../docs/isa.md"));
    if (Boolean.getBoolean("wasmformer.printTracePlan")) System.out.println(table());
    assertThat(doc).as("docs/isa.md must contain this table (regenerate it from TracePlanDocTest.table())")
        .contains(table());
  }
}
