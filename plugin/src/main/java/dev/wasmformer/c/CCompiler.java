package dev.wasmformer.c;

import dev.wasmformer.c.ast.TranslationUnit;
import dev.wasmformer.c.codegen.CodeGenerator;
import dev.wasmformer.c.lex.Token;
import dev.wasmformer.c.link.Linker;
import dev.wasmformer.c.link.Program;
import dev.wasmformer.c.parse.Parser;
import dev.wasmformer.c.preprocess.IncludeResolver;
import dev.wasmformer.c.preprocess.Preprocessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in C compiler: C sources to a standard WebAssembly module.
 *
 * <p>How it works: each source file is preprocessed, parsed and type-checked into a
 * translation unit; our libc's sources are compiled the same way; the linker joins them
 * and keeps what {@code main} and the exported functions reach; the code generator writes
 * the module. Every stage reports located diagnostics and the compilation goes on as far as
 * it can, so one run reports as many independent errors as possible.
 *
 * <p>{@code #include "name"} is looked for next to the including file, then in the include
 * directories, then among the libc's headers; {@code #include <name>} among the libc's headers,
 * then in the include directories; a header of {@link CompileOptions#headers()} shadows a file
 * of the same path. {@link CompileResult#files()} lists what a compilation read.
 */
public final class CCompiler {
  /** Compiles and links the given sources (each one a translation unit) into one module. */
  public CompileResult compile(List<SourceFile> sources, CompileOptions options) {
    Diagnostics diagnostics = new Diagnostics();
    Resolver resolver = new Resolver(options);
    CodeGenerator.Output output = null;
    try {
      output = run(sources, options, resolver, diagnostics);
    } catch (Diagnostics.TooManyErrors e) {
      output = null;
    } catch (CompileError e) {
      output = null;
    } catch (RuntimeException e) {
      StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
      lastError(diagnostics, "internal compiler error: " + e + (at == null ? "" : " at " + at));
      output = null;
    } catch (StackOverflowError e) {
      // the stages recurse as deep as the source nests; a source nested thousands deep
      // gets an error rather than a crash
      lastError(diagnostics, "the source is nested too deeply (expressions, statements, declarators or macro"
          + " arguments): the compiler ran out of stack");
      output = null;
    }
    Map<String, SourceFile> read = new LinkedHashMap<>();
    for (SourceFile source : sources) read.putIfAbsent(source.path(), source);
    for (SourceFile header : resolver.included) read.putIfAbsent(header.path(), header);
    List<SourceFile> files = List.copyOf(read.values());
    if (output == null || diagnostics.hasErrors()) {
      return new CompileResult(null, diagnostics.all(), null, files);
    }
    return new CompileResult(output.wasm(), diagnostics.all(), new CompileResult.ModuleInfo(
        output.argAreaAddress(), output.argAreaBytes(), output.heapBase(), output.memoryBytes(), output.exports(),
        output.signatures()), files);
  }

  /** Records the error that ended the compilation, even when it is one too many. */
  private static void lastError(Diagnostics diagnostics, String message) {
    try {
      diagnostics.error(null, message);
    } catch (Diagnostics.TooManyErrors e) {
      // recorded all the same
    }
  }

  /** Compiles a single source file. */
  public CompileResult compile(SourceFile source, CompileOptions options) {
    return compile(List.of(source), options);
  }

  private CodeGenerator.Output run(List<SourceFile> sources, CompileOptions options, Resolver resolver,
      Diagnostics diagnostics) {
    List<TranslationUnit> units = new ArrayList<>();
    Map<String, String> libcDefines = new HashMap<>();
    for (SourceFile source : sources) {
      units.add(translate(source, options, resolver, diagnostics, libcDefines));
    }
    if (diagnostics.hasErrors()) return null;
    // printf's %ls and %lc only for programs that include <wchar.h> or name them in a string
    // literal, glibc's %Ld only for those that name it: the others keep their bytes
    if (resolver.wide) libcDefines.put(FormatConversions.WIDE, "1");
    CompileOptions libc = CompileOptions.defaults().withDefines(libcDefines);
    for (SourceFile source : Libc.sources()) {
      units.add(translate(source, libc, resolver, diagnostics, null));
    }
    if (diagnostics.hasErrors()) return null;
    Program program = new Linker(diagnostics).link(units, options.exports());
    if (diagnostics.hasErrors()) return null;
    return CodeGenerator.generate(program, options, diagnostics);
  }

  /**
   * Preprocesses and parses one unit: the libc's when {@code libcDefines} is null, else a
   * program's, whose printf conversions that need libc code of their own are noted there.
   */
  private static TranslationUnit translate(SourceFile source, CompileOptions options, IncludeResolver resolver,
      Diagnostics diagnostics, Map<String, String> libcDefines) {
    List<Token> tokens = new Preprocessor(diagnostics, resolver, options.defines()).run(source);
    if (libcDefines != null) {
      FormatConversions.scan(tokens, libcDefines);
      WideStreams.scan(tokens, libcDefines);
    }
    return Parser.parse(source, tokens, diagnostics, libcDefines == null);
  }

  /**
   * Include lookup: a quoted name is searched next to the including file (for a libc source,
   * among the libc's sources, which no include directory can shadow), then in the include
   * directories; an angle-bracket name (and a quoted one not found so far) in our libc's
   * headers, then in the include directories. In-memory headers shadow disk files.
   * Remembers the headers it found that are not the libc's, in the order first found.
   */
  private static final class Resolver implements IncludeResolver {
    private final Map<String, SourceFile> headers = new HashMap<>();
    private final List<Path> includeDirs;
    final Set<SourceFile> included = new LinkedHashSet<>();
    /** Whether a program's source included our {@code <wchar.h>}. */
    boolean wide;

    Resolver(CompileOptions options) {
      for (SourceFile h : options.headers()) headers.put(normalize(h.path()), h);
      this.includeDirs = options.includeDirs();
    }

    @Override
    public SourceFile resolve(String name, boolean quoted, SourceFile includer) {
      try {
        SourceFile found = search(name, quoted, includer);
        if (found != null && !Libc.owns(found)) included.add(found);
        if (found != null && Libc.owns(found) && name.equals("wchar.h")) wide = true;
        return found;
      } catch (InvalidPathException e) {
        // e.g. a NUL in the name: no file can have it, so the include reports "file not found"
        return null;
      }
    }

    private SourceFile search(String name, boolean quoted, SourceFile includer) {
      if (quoted) {
        SourceFile beside = Libc.besideSource(includer, name);
        if (beside != null) return beside;
        if (!includer.path().startsWith("<")) {
          Path dir = Path.of(includer.path()).getParent();
          SourceFile f = find(dir == null ? Path.of(name) : dir.resolve(name));
          if (f != null) return f;
        }
        for (Path d : includeDirs) {
          SourceFile f = find(d.resolve(name));
          if (f != null) return f;
        }
      }
      SourceFile lib = Libc.header(name);
      if (lib != null) return lib;
      if (!quoted) {
        for (Path d : includeDirs) {
          SourceFile f = find(d.resolve(name));
          if (f != null) return f;
        }
      }
      return null;
    }

    private SourceFile find(Path p) {
      String key = normalize(p.toString());
      SourceFile h = headers.get(key);
      if (h != null) return h;
      if (Files.isRegularFile(p)) {
        try {
          SourceFile f = new SourceFile(key, Files.readString(p, StandardCharsets.UTF_8));
          headers.put(key, f);
          return f;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return null;
    }

    private static String normalize(String path) {
      return Path.of(path).normalize().toString().replace('\\', '/');
    }
  }
}
