package dev.wasmformer.plugin;

import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.ExportSignature;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.lowering.LoweringException;
import dev.wasmformer.plugin.codegen.JavaType;
import dev.wasmformer.runtime.NumberType;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.ArgumentAreaUse;
import dev.wasmformer.runtime.format.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compiles program sources ({@code .c} and {@code .wasm} files) into one bundle. Every
 * source is tried, so that one build reports every error.
 */
final class ProgramCompiler {
  /** What a program source is written in. */
  enum Language { C, WASM }

  /** A program source file. */
  record Source(Path file, Language language) {
    static Source of(Path file) {
      String name = file.getFileName().toString();
      if (name.endsWith(".c")) return new Source(file, Language.C);
      if (name.endsWith(".wasm")) return new Source(file, Language.WASM);
      throw new ProgramException(file + ": expected a .c or .wasm file");
    }

    /** {@code dir/fib.wasm} → {@code fib}. */
    String stem() {
      String name = file.getFileName().toString();
      return name.substring(0, name.lastIndexOf('.'));
    }
  }

  /**
   * A program's boundary, as a typed entry point sees it.
   *
   * @param name the program's name in the bundle
   * @param entry the exported function it enters
   * @param params parameter types: a C program's as its source declares them (a float is a
   *     {@code float}, though its wasm value is an i32), a WebAssembly module's from its wasm types
   * @param result the result type, if any
   * @param paramNames parameter names (from the module's name section, else {@code argN})
   * @param takesArgv whether it is a C {@code main(argc, argv)} whose argv a run sets
   */
  record Signature(String name, String entry, List<JavaType> params, Optional<JavaType> result,
      List<String> paramNames, boolean takesArgv) {
    Signature(String name, String entry, List<JavaType> params, Optional<JavaType> result, List<String> paramNames) {
      this(name, entry, params, result, paramNames, false);
    }
  }

  /** The bundle, and the signature of each of its programs in bundle order. */
  record Compiled(Bundle bundle, List<Signature> signatures) {}

  private final Path basedir;
  private final Path cSourceRoot;
  private final List<Path> librarySources;
  private final List<String> entryPoints;
  private final Map<String, String> settings;
  private final Consumer<String> warnings;
  private final boolean specialize;

  /**
   * @param basedir what file names in messages and metadata are relative to
   * @param cSourceRoot where C includes are found
   * @param librarySources C files compiled into every C program
   * @param entryPoints the configured entry points, or empty to discover them
   * @param settings recorded in the bundle's metadata
   * @param warnings receives the compilers' warnings, each ready for the build log
   * @param specialize whether each program gets a model of its own, with its code baked in
   */
  ProgramCompiler(Path basedir, Path cSourceRoot, List<Path> librarySources, List<String> entryPoints,
      Map<String, String> settings, Consumer<String> warnings, boolean specialize) {
    this.basedir = basedir;
    this.cSourceRoot = cSourceRoot;
    this.librarySources = List.copyOf(librarySources);
    this.entryPoints = List.copyOf(entryPoints);
    this.settings = Map.copyOf(settings);
    this.warnings = warnings;
    this.specialize = specialize;
  }

  ProgramCompiler(Path basedir, Path cSourceRoot, List<Path> librarySources, List<String> entryPoints,
      Map<String, String> settings, Consumer<String> warnings) {
    this(basedir, cSourceRoot, librarySources, entryPoints, settings, warnings, false);
  }

  /**
   * Compiles every source into one bundle.
   *
   * @throws CompileFailure with every diagnostic, if any source fails
   */
  Compiled compile(List<Source> sources) throws CompileFailure {
    WasmformerCompiler compiler = specialize ? WasmformerCompiler.specializing() : new WasmformerCompiler();
    List<String> diagnostics = new ArrayList<>();
    Map<String, String> programSources = new LinkedHashMap<>();
    Map<String, List<String>> paramNames = new LinkedHashMap<>();
    Map<String, ExportSignature> cSignatures = new LinkedHashMap<>();
    for (Source source : sources) {
      String display = display(basedir, source.file());
      try {
        Map<String, ExportSignature> exported = new LinkedHashMap<>();
        CompileResult.ModuleInfo[] module = new CompileResult.ModuleInfo[1];
        byte[] wasm = source.language() == Language.C
            ? compileC(source, compiler, diagnostics, exported, module) : read(source);
        if (wasm == null) continue;
        boolean first = true;
        for (WasmEntries.Entry entry : WasmEntries.of(wasm, source.stem(), entryPoints)) {
          String earlier = programSources.putIfAbsent(entry.program(), display);
          if (earlier != null) {
            diagnostics.add(display + ": error: a second program named " + entry.program()
                + " (the first comes from " + earlier + "); program names must be unique in a bundle");
            continue;
          }
          try {
            if (first && source.language() == Language.WASM) {
              // Records the module's digest once, with the first of its programs.
              compiler.addWasm(entry.program(), display, wasm, entry.export());
            } else if (module[0] != null) {
              // main's argv is set when the program runs; the bundle holds just its name
              compiler.addC(renamed(WasmformerCompiler.lower(wasm, entry.export()), entry.program()), module[0],
                  List.of(), display);
            } else {
              compiler.addProgram(renamed(WasmformerCompiler.lower(wasm, entry.export()), entry.program()), display);
            }
            first = false;
            paramNames.put(entry.program(), entry.paramNames());
            ExportSignature c = exported.get(entry.export());
            if (c != null) cSignatures.put(entry.program(), c);
          } catch (LoweringException e) {
            diagnostics.add(display + ": error: " + message(e));
          }
        }
      } catch (ProgramException e) {
        diagnostics.add(display + ": error: " + e.getMessage());
      } catch (IOException e) {
        diagnostics.add(display + ": error: cannot read the file: " + e);
      }
    }
    if (!diagnostics.isEmpty()) throw new CompileFailure(diagnostics);
    Bundle plain = compiler.bundle();
    Bundle bundle = plain.toBuilder()
        .setMetadata(plain.getMetadata().toBuilder().putAllSettings(settings))
        .build();
    List<Signature> signatures = new ArrayList<>();
    for (Program p : bundle.getProgramsList()) {
      List<NumberType> params = p.getParamsList().stream().map(ProgramCompiler::numberType).toList();
      Optional<NumberType> result = p.getResultsList().stream().map(ProgramCompiler::numberType).findFirst();
      ExportSignature c = cSignatures.get(p.getName());
      signatures.add(new Signature(p.getName(), p.getEntry(),
          c == null ? params.stream().map(JavaType::of).toList() : javaTypes(p.getName(), c.params(), params),
          c == null || (c.result().isEmpty() && result.isPresent()) ? result.map(JavaType::of)
              : javaTypes(p.getName(), c.result().stream().toList(), result.stream().toList()).stream().findFirst(),
          paramNames.getOrDefault(p.getName(), List.of()),
          p.hasArgumentArea() && p.getArgumentArea().getUse() == ArgumentAreaUse.ARGV));
    }
    return new Compiled(bundle, signatures);
  }

  /**
   * The Java types of a C program's values (a result the C function lacks is an exit status
   * the lowering added, an integer), checked against the wasm values the bundle
   * carries them in: the two come from one compilation, so a mismatch is a bug here.
   */
  private static List<JavaType> javaTypes(String program, List<ExportSignature.Scalar> c, List<NumberType> wasm) {
    List<JavaType> types = c.stream().map(ProgramCompiler::javaType).toList();
    if (!types.stream().map(JavaType::wasm).toList().equals(wasm)) {
      throw new IllegalStateException("program " + program + ": its C types " + c + " do not match its wasm types "
          + wasm);
    }
    return types;
  }

  private static JavaType javaType(ExportSignature.Scalar scalar) {
    return switch (scalar) {
      case INT32 -> JavaType.INT;
      case INT64 -> JavaType.LONG;
      case FLOAT -> JavaType.FLOAT;
      case DOUBLE -> JavaType.DOUBLE;
    };
  }

  private byte[] compileC(Source source, WasmformerCompiler compiler, List<String> diagnostics,
      Map<String, ExportSignature> exported, CompileResult.ModuleInfo[] module) throws IOException {
    CSources.Result result = CSources.compile(source.file(), librarySources, cSourceRoot, basedir, entryPoints);
    result.warnings().forEach(warnings);
    if (result.wasm() == null) {
      diagnostics.addAll(result.errors());
      return null;
    }
    exported.putAll(result.signatures());
    module[0] = result.module();
    compiler.addSourceDigest(display(basedir, source.file()), Files.readString(source.file(), StandardCharsets.UTF_8));
    for (Path library : librarySources) {
      compiler.addSourceDigest(display(basedir, library), Files.readString(library, StandardCharsets.UTF_8));
    }
    return result.wasm();
  }

  private static byte[] read(Source source) throws IOException {
    return Files.readAllBytes(source.file());
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static TokenProgram renamed(TokenProgram p, String name) {
    return new TokenProgram(name, p.entry(), p.params(), p.results(), p.instructions(), p.memory(),
        p.memoryBytes(), p.globals(), p.paramInstructions(), p.functions());
  }

  private static NumberType numberType(ValueType type) {
    return switch (type) {
      case I32 -> NumberType.I32;
      case I64 -> NumberType.I64;
      default -> throw new IllegalStateException("a program's value type is " + type);
    };
  }

  /** {@code file} relative to {@code basedir} with {@code /} separators, or as given if outside. */
  static String display(Path basedir, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = basedir.toAbsolutePath().normalize();
    Path shown = abs.startsWith(base) ? base.relativize(abs) : file;
    return shown.toString().replace('\\', '/');
  }
}
