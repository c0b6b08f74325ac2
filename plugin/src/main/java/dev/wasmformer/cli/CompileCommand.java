package dev.wasmformer.cli;

import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasmformer compile FILE... -o OUT.wfb}: builds a bundle from programs. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compiles WebAssembly modules (.wasm) into one bundle (.wfb); each module is a program"
        + " named after its file.")
final class CompileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .wasm modules to compile.")
  List<Path> files;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.wfb", description = "The bundle to write.")
  Path output;

  @Option(names = "--entry", paramLabel = "NAME",
      description = "The exported function each program enters (default: main, else _start).")
  String entry;

  @Override
  public Integer call() throws Exception {
    WasmformerCompiler compiler = new WasmformerCompiler();
    for (Path f : files) {
      compiler.addWasm(SourceFiles.programName(f), f.toString(), SourceFiles.read(f), entry);
    }
    Path tmp = SourceFiles.siblingTemp(output);
    BundleFiles.write(compiler.bundle(), tmp);
    Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("wasmformer: wrote %s (%d program%s, %d bytes)%n", output, files.size(), files.size() == 1 ? "" : "s",
        Files.size(output));
    out.flush();
    return 0;
  }
}
