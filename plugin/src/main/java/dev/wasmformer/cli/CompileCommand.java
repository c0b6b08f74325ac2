package dev.wasmformer.cli;

import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.BundleFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasmformer compile FILE... -o OUT}: builds a bundle, or a .wasm module from C. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {"Compiles programs into a bundle (-o OUT.wfb), or C sources into a WebAssembly module"
        + " (-o OUT.wasm).",
        "C files are compiled and linked together into one program named after the first; each"
        + " .wasm module is a program named after its file."})
final class CompileCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .c sources and/or .wasm modules.")
  List<Path> files;

  @Mixin CMemory memory;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "The bundle (.wfb) or, for C sources only, the module (.wasm) to write.")
  Path output;

  @Option(names = "--entry", paramLabel = "NAME",
      description = "The exported function each program enters (default: main, else _start; for C: _start,"
          + " which calls main).")
  String entry;

  @Option(names = "--specialize",
      description = "Bakes each program into a model of its own (its code in the weights, its prompt only the"
          + " arguments, memory image and input); the bundle then has one model per program.")
  boolean specialize;

  @Option(names = "--no-prefix-states", negatable = false,
      description = "Leaves out each program's state after its fixed prompt prefix (stored by default, so that"
          + " the first run of the loaded bundle need not feed those tokens; it adds the state's bytes to the"
          + " bundle and one pass over the tokens to the build).")
  boolean noPrefixStates;

  @Override
  public Integer call() throws Exception {
    List<SourceFile> c = new ArrayList<>();
    List<Path> wasm = new ArrayList<>();
    for (Path f : files) {
      switch (SourceFiles.extension(f)) {
        case "c" -> c.add(new SourceFile(f.toString(), Files.readString(f)));
        case "wasm" -> wasm.add(f);
        default -> throw new IllegalArgumentException(f + ": expected a .c or .wasm file");
      }
    }
    Path tmp = SourceFiles.siblingTemp(output);
    try {
      if (SourceFiles.extension(output).equals("wasm")) {
        if (!wasm.isEmpty() || c.isEmpty()) throw new IllegalArgumentException("-o OUT.wasm takes C sources only");
        CompileResult compiled = WasmformerCompiler.compileC(c, memory.options());
        SourceFiles.printWarnings(compiled.diagnostics(), spec.commandLine().getErr());
        Files.write(tmp, compiled.wasm());
      } else {
        WasmformerCompiler compiler = (specialize ? WasmformerCompiler.specializing() : new WasmformerCompiler())
            .prefixStates(!noPrefixStates);
        if (!c.isEmpty()) {
          compiler.addC(SourceFiles.programName(Path.of(c.get(0).path())), c, memory.options(), List.of(),
              entry);
          SourceFiles.printWarnings(compiler.warnings(), spec.commandLine().getErr());
        }
        for (Path f : wasm) compiler.addWasm(SourceFiles.programName(f), f.toString(), SourceFiles.readWasm(f), entry);
        BundleFiles.write(compiler.bundle(), tmp);
      }
      Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("wasmformer: wrote %s (%d bytes)%n", output, Files.size(output));
    out.flush();
    return 0;
  }
}
