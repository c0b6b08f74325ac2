package dev.wasmformer.plugin;

import dev.wasmformer.runtime.format.MetadataEntries;
import dev.wasmformer.c.CompileOptions;
import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.ExportSignature;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.lowering.LoweringException;
import dev.wasmformer.plugin.codegen.JavaType;
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
   *     {@code float}, though its wasm value is an i32; a pointer a {@code byte[]}), a
   *     WebAssembly module's from its wasm types
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

  /**
   * The bundle, the signature of each of its programs in bundle order, and the files the C
   * compilations read, by absolute path, each with the text read (once, the first read's).
   */
  record Compiled(Bundle bundle, List<Signature> signatures, Map<Path, String> filesRead) {
    Compiled(Bundle bundle, List<Signature> signatures) {
      this(bundle, signatures, Map.of());
    }
  }

  private final Path basedir;
  private final Path cSourceRoot;
  private final List<Path> librarySources;
  private final List<String> entryPoints;
  private final Map<String, String> settings;
  private final Consumer<String> warnings;
  private final boolean specialize;
  private final int argumentAreaBytes;

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
    this(basedir, cSourceRoot, librarySources, entryPoints, settings, warnings, specialize,
        CompileOptions.defaults().argAreaBytes());
  }

  /** Also sets the size of C programs' argument areas. */
  ProgramCompiler(Path basedir, Path cSourceRoot, List<Path> librarySources, List<String> entryPoints,
      Map<String, String> settings, Consumer<String> warnings, boolean specialize, int argumentAreaBytes) {
    this.basedir = basedir;
    this.cSourceRoot = cSourceRoot;
    this.librarySources = List.copyOf(librarySources);
    this.entryPoints = List.copyOf(entryPoints);
    this.settings = Map.copyOf(settings);
    this.warnings = warnings;
    this.specialize = specialize;
    this.argumentAreaBytes = argumentAreaBytes;
  }

  /** Whether the bundle stores each program's prefix state (on by default). */
  ProgramCompiler prefixStates(boolean store) {
    this.prefixStates = store;
    return this;
  }

  private boolean prefixStates = true;

  /** Sets C programs' linear memory, in pages of 64 KiB (the C compiler's default otherwise). */
  ProgramCompiler memoryPages(int pages) {
    this.memoryPages = pages;
    return this;
  }

  private int memoryPages = CompileOptions.defaults().memoryPages();

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
    WasmformerCompiler compiler = (specialize ? WasmformerCompiler.specializing() : new WasmformerCompiler())
        .prefixStates(prefixStates);
    List<String> diagnostics = new ArrayList<>();
    Map<String, String> programSources = new LinkedHashMap<>();
    Map<String, List<String>> paramNames = new LinkedHashMap<>();
    Map<Path, String> filesRead = new LinkedHashMap<>();
    for (Source source : sources) {
      String display = display(basedir, source.file());
      try {
        Map<String, ExportSignature> exported = new LinkedHashMap<>();
        CompileResult.ModuleInfo[] module = new CompileResult.ModuleInfo[1];
        byte[] wasm = source.language() == Language.C
            ? compileC(source, compiler, diagnostics, exported, module, filesRead) : read(source);
        if (wasm == null) continue;
        for (String unused : WasmEntries.unusedExports(wasm, entryPoints)) {
          warnings.accept(display + ": warning: " + unused + " is exported but is no program: a file with main is one"
              + " whole program, " + source.stem() + "; to call " + unused + " from Java, move it to a file without"
              + " main, or list the entry points in wasmformer.entryPoints");
        }
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
            } else {
              // typed by its C signature: pointers become byte buffers, floats F32 and F64
              ExportSignature c = exported.get(entry.export());
              TokenProgram lowered = c == null ? WasmformerCompiler.lower(wasm, entry.export())
                  : WasmformerCompiler.lower(wasm, entry.export(), c);
              if (module[0] != null) {
                // main's argv is set when the program runs; the bundle holds just its name
                compiler.addC(renamed(lowered, entry.program()), module[0], List.of(), display);
              } else {
                compiler.addProgram(renamed(lowered, entry.program()), display);
              }
            }
            first = false;
            paramNames.put(entry.program(), entry.paramNames());
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
    var metadata = plain.getMetadata().toBuilder();
    settings.forEach((key, value) -> MetadataEntries.putSetting(metadata, key, value));
    Bundle bundle = plain.toBuilder().setMetadata(metadata).build();
    List<Signature> signatures = new ArrayList<>();
    // The bundle records what each value holds (a C program's floats, doubles and buffers
    // as its source declares them), so the Java types follow from it alone.
    for (Program p : bundle.getProgramsList()) {
      signatures.add(new Signature(p.getName(), p.getEntry(),
          p.getParamsList().stream().map(ProgramCompiler::javaType).toList(),
          p.getResultsList().stream().map(ProgramCompiler::javaType).findFirst(),
          paramNames.getOrDefault(p.getName(), List.of()),
          p.hasArgumentArea() && p.getArgumentArea().getUse() == ArgumentAreaUse.ARGV));
    }
    return new Compiled(bundle, signatures, filesRead);
  }

  private static JavaType javaType(ValueType type) {
    return switch (type) {
      case I32 -> JavaType.INT;
      case I64 -> JavaType.LONG;
      case F32 -> JavaType.FLOAT;
      case F64 -> JavaType.DOUBLE;
      case BYTES -> JavaType.BYTES;
      default -> throw new IllegalStateException("a program's value type is " + type);
    };
  }

  private byte[] compileC(Source source, WasmformerCompiler compiler, List<String> diagnostics,
      Map<String, ExportSignature> exported, CompileResult.ModuleInfo[] module, Map<Path, String> filesRead)
      throws IOException {
    CSources.Result result = CSources.compile(source.file(), librarySources, cSourceRoot, basedir, entryPoints,
        argumentAreaBytes, memoryPages);
    // CSources names every file by its absolute path
    for (SourceFile f : result.files()) filesRead.putIfAbsent(Path.of(f.path()).normalize(), f.text());
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


  /** {@code file} relative to {@code basedir} with {@code /} separators, or as given if outside. */
  static String display(Path basedir, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = basedir.toAbsolutePath().normalize();
    Path shown = abs.startsWith(base) ? base.relativize(abs) : file;
    return shown.toString().replace('\\', '/');
  }
}
