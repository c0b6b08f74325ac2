package dev.wasmformer.cli;

import dev.wasmformer.testing.CPrograms;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile} stores each program's prefix state unless told {@code --no-prefix-states};
 * {@code inspect} says per program whether one is stored, its size, and whether this runtime
 * uses it or why not.
 */
class PrefixStateCliTest {
  @TempDir Path dir;

  private static final String FIB = CPrograms.LOOP_FIB;

  @Test
  void compileStoresThePrefixStateUnlessToldNotToAndInspectSaysWhetherItIsUsed() throws Exception {
    Path source = dir.resolve("fib.c");
    Files.writeString(source, FIB);
    Path with = dir.resolve("with.wfb");
    Path without = dir.resolve("without.wfb");
    assertThat(run("compile", source.toString(), "--entry", "fib", "-o", with.toString()).status).isZero();
    assertThat(run("compile", source.toString(), "--entry", "fib", "--no-prefix-states", "-o", without.toString())
        .status).isZero();
    Bundle stored = BundleFiles.read(with);
    int bytes = stored.getPrograms(0).getPrefixState().getState().size();
    int tokens = stored.getPrograms(0).getPrefixState().getLength();
    int inflated = stored.getPrograms(0).getPrefixState().getStateSize();
    assertThat(inflated).isGreaterThan(bytes);
    assertThat(bytes).isPositive();
    assertThat(BundleFiles.read(without).getPrograms(0).hasPrefixState()).isFalse();
    assertThat(Files.size(with) - Files.size(without)).isGreaterThan(bytes);

    assertThat(run("inspect", with.toString()).out)
        .contains(String.format(java.util.Locale.ROOT, "    prefix state  %,d bytes (%,d inflated) after %,d tokens, used by the first run", bytes, inflated, tokens));
    assertThat(run("inspect", without.toString()).out).contains("    prefix state  none stored");

    // another runtime's state (its fingerprint differs): stored, and ignored with the reason
    Bundle.Builder b = stored.toBuilder();
    var state = b.getPrograms(0).getPrefixState();
    byte[] fingerprint = state.getFingerprint().toByteArray();
    fingerprint[0] ^= 1;
    b.setPrograms(0, b.getPrograms(0).toBuilder()
        .setPrefixState(state.toBuilder().setFingerprint(ByteString.copyFrom(fingerprint))));
    Path other = dir.resolve("other.wfb");
    BundleFiles.write(b.build(), other);
    assertThat(run("inspect", other.toString()).out).contains(String.format(java.util.Locale.ROOT,
        "    prefix state  %,d bytes (%,d inflated) after %,d tokens, ignored: its fingerprint is not this model's", bytes,
        inflated, tokens));
  }

  private record Result(int status, String out) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    assertThat(err.toString()).isEmpty();
    return new Result(status, out.toString());
  }
}
