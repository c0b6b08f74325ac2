package dev.wasmformer.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful compile saw and wrote, kept as a text file under {@code
 * target/maven-status/wasmformer}: the fingerprint of its inputs (content digests, plugin
 * version, settings), the programs it compiled and the files it wrote. Equal fingerprints
 * and outputs still in place mean there is nothing to do.
 *
 * @param fingerprint one line per input and setting
 * @param programs the names of the compiled programs
 * @param outputs the files written
 * @param read the files besides the programs and library sources that the C compilations read
 *     (the headers they included), by absolute path: the next build's fingerprint covers them
 */
record BuildState(List<String> fingerprint, List<String> programs, List<Path> outputs, List<Path> read) {
  private static final String HEADER =
      "# wasmformer:compile state: the inputs of the last successful build and what it wrote";

  BuildState {
    fingerprint = List.copyOf(fingerprint);
    programs = List.copyOf(programs);
    outputs = List.copyOf(outputs);
    read = List.copyOf(read);
  }

  /** A state that lists no files read. */
  BuildState(List<String> fingerprint, List<String> programs, List<Path> outputs) {
    this(fingerprint, programs, outputs, List.of());
  }

  /** The state in {@code file}, or empty if there is none or it is unreadable. */
  static Optional<BuildState> read(Path file) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    List<String> fingerprint = new ArrayList<>();
    List<String> programs = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    List<Path> read = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("fingerprint ")) fingerprint.add(line.substring(12));
        else if (line.startsWith("program ")) programs.add(line.substring(8));
        else if (line.startsWith("output ")) outputs.add(Path.of(line.substring(7)));
        else if (line.startsWith("read ")) read.add(Path.of(line.substring(5)));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new BuildState(fingerprint, programs, outputs, read));
  }

  void write(Path file) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    fingerprint.forEach(l -> text.append("fingerprint ").append(l).append('\n'));
    programs.forEach(p -> text.append("program ").append(p).append('\n'));
    outputs.forEach(o -> text.append("output ").append(o).append('\n'));
    read.forEach(r -> text.append("read ").append(r).append('\n'));
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Whether every output file is still there. */
  boolean outputsExist() {
    return outputs.stream().allMatch(Files::isRegularFile);
  }
}
