package dev.wasmformer.c.link;

import dev.wasmformer.c.Diagnostics;
import dev.wasmformer.c.ast.AstWalker;
import dev.wasmformer.c.ast.Expr;
import dev.wasmformer.c.ast.FunctionDef;
import dev.wasmformer.c.ast.GlobalVar;
import dev.wasmformer.c.ast.Symbol;
import dev.wasmformer.c.ast.TranslationUnit;
import dev.wasmformer.c.lex.SourcePos;
import dev.wasmformer.c.type.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins translation units into a {@link Program}: resolves names with external linkage to
 * their definitions, then keeps only what is reachable from {@code main} and the exported
 * functions, which is how the libc is "linked as needed".
 *
 * <p>A name is bound as glibc's shared library binds it. A reference made by the program reaches
 * the program's definition if there is one, else the library's. A reference to a function made
 * by the library reaches the library's own function when the library has one (a definition or a
 * host import), whatever the program defines: a program's own {@code strlen} is not the one
 * {@code printf} and {@code strdup} call. Both definitions are then in the module. The
 * exceptions are the allocator's functions, which glibc lets a program replace for the library
 * too ({@link #REPLACEABLE}), and objects, which have one definition, the program's if it has one
 * (glibc's copy relocations share a program's {@code optarg} or {@code environ} with the library).
 */
public final class Linker {
  /** Functions glibc has and our libc lacks, and why: the undefined reference says so. */
  private static final Map<String, String> NOT_IN_LIBC = new HashMap<>();

  static {
    NOT_IN_LIBC.put("alarm", "a run has no clock, so no alarm would go off");
    NOT_IN_LIBC.put("pause", "nothing outside a run sends it signals, so pause would wait forever");
    for (String f : List.of("unlink", "rmdir", "chdir", "getcwd", "link", "symlink", "readlink", "ftruncate",
        "truncate", "fsync", "chown", "fstat", "mkdir", "chmod", "fchmod", "umask", "mkfifo", "creat", "fcntl", "openat",
        "dup", "dup2", "pipe")) {
      NOT_IN_LIBC.put(f, "a run has no file system, only its input, stdout and stderr (open, stat and access find no file)");
    }
    for (String f : List.of("fork", "execv", "execvp", "execve", "execl", "execlp", "getuid", "geteuid", "getgid",
        "getegid", "setsid", "gethostname", "getlogin")) {
      NOT_IN_LIBC.put(f, "a run is the only process, without users, host or configuration (getpid is 1)");
    }
    NOT_IN_LIBC.put("alloca", "alloca is a builtin: include <alloca.h> (or <stdlib.h>)");
  }

  /**
   * The functions glibc's library calls as the program's when the program defines them, so that
   * a program may replace the allocator ("Replacing malloc" in glibc's manual): strdup then
   * allocates with the program's malloc, which the program's free can free.
   */
  private static final Set<String> REPLACEABLE = Set.of("malloc", "free", "calloc", "realloc", "aligned_alloc",
      "posix_memalign", "memalign", "valloc", "pvalloc", "malloc_usable_size");

  private final Diagnostics diagnostics;
  /** Name to definition as the program's references see it: the program's, else the library's. */
  private final Map<String, Symbol> external = new HashMap<>();
  /**
   * Name to the library's own function, for the library's references to a name the program
   * defines too: its definition, or its host import when it has no definition.
   */
  private final Map<String, Symbol> libraryExternal = new HashMap<>();
  /** The library's first declaration of each name with external linkage. */
  private final Map<String, Symbol> libraryDeclared = new HashMap<>();
  private final Map<Symbol, FunctionDef> functionDefs = new IdentityHashMap<>();
  private final Map<Symbol, GlobalVar> globalDefs = new IdentityHashMap<>();
  private final Map<String, Symbol> declared = new HashMap<>();
  /** Per name declared with other types by the program and the library: {program's, library's}. */
  private final Map<String, Symbol[]> libraryClashes = new LinkedHashMap<>();

  public Linker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * @param units user units first, then library units
   * @param extraExports function names to export under their own names
   */
  public Program link(List<TranslationUnit> units, List<String> extraExports) {
    for (TranslationUnit u : units) {
      for (FunctionDef f : u.functions()) {
        functionDefs.put(f.symbol(), f);
        define(f.symbol());
        if (f.symbol().isFromLibrary() && f.symbol().hasExternalLinkage() && !REPLACEABLE.contains(f.symbol().name())) {
          libraryExternal.putIfAbsent(f.symbol().name(), f.symbol());
        }
      }
      for (GlobalVar g : u.globals()) {
        GlobalVar old = globalDefs.get(g.symbol());
        if (old == null || old.init() == null) globalDefs.put(g.symbol(), g);
        define(g.symbol());
      }
      for (Symbol s : u.fileScope()) {
        if (s.hasExternalLinkage()) {
          if (s.isFromLibrary()) libraryDeclared.putIfAbsent(s.name(), s);
          Symbol d = declared.putIfAbsent(s.name(), s);
          if (d != null && d != s && !Types.compatibleAcrossUnits(d.type(), s.type()) && d.kind() == s.kind()) {
            if (d.isFromLibrary() != s.isFromLibrary()) {
              // A program may reuse a library name for something else (its own `round`), as
              // with a static libc; checked once the program's reach is known.
              libraryClashes.putIfAbsent(s.name(), d.isFromLibrary() ? new Symbol[] {s, d} : new Symbol[] {d, s});
            } else {
              diagnostics.error(s.pos(), "conflicting types for '" + s.name() + "' across files ('"
                  + s.type().spell() + "' vs '" + d.type().spell() + "')");
            }
          }
        }
      }
    }

    bindLibraryImports();

    List<FunctionDef> roots = new ArrayList<>();
    Map<String, FunctionDef> exports = new LinkedHashMap<>();
    FunctionDef main = null;
    Symbol mainSymbol = external.get("main");
    if (mainSymbol != null && functionDefs.containsKey(mainSymbol)) {
      main = functionDefs.get(mainSymbol);
      roots.add(main);
    }
    for (TranslationUnit u : units) {
      for (FunctionDef f : u.functions()) {
        String name = f.symbol().exportName();
        if (name != null && !f.symbol().isFromLibrary()) {
          if (exports.putIfAbsent(name, f) != null) {
            diagnostics.error(f.pos(), "duplicate export name '" + name + "'");
          }
          roots.add(f);
        }
      }
    }
    for (String name : extraExports) {
      Symbol s = external.get(name);
      FunctionDef f = s == null ? null : functionDefs.get(s);
      if (f == null) {
        diagnostics.error(null, "exported function '" + name + "' is not defined");
        continue;
      }
      if (exports.putIfAbsent(name, f) != null && exports.get(name) != f) {
        diagnostics.error(f.pos(), "duplicate export name '" + name + "'");
      }
      roots.add(f);
    }
    if (roots.isEmpty()) {
      // No line to point at: the diagnostic names the program's (first) file.
      SourcePos program = units.isEmpty() ? null : new SourcePos(units.get(0).file(), 0, 0);
      diagnostics.error(program, "no entry point: define 'main' or export a function with "
          + "__attribute__((export_name(\"...\")))");
    }
    Program program = reach(units, roots, main, exports);
    if ((reachesLibraryFunction(program, "ungetc") || reachesLibraryFunction(program, "feof"))
        && ungetcAwareGetchar()) {
      program = reach(units, roots, main, exports);
    }
    checkLibraryClashes(program);
    return program;
  }

  /**
   * Keeps the library's calls of a host import it declares ({@code putchar}) on the import when
   * the program defines a function of that name. Only then: otherwise both kinds of reference
   * already reach the same import symbol.
   */
  private void bindLibraryImports() {
    for (Map.Entry<String, Symbol> e : libraryDeclared.entrySet()) {
      Symbol own = e.getValue();
      Symbol program = external.get(e.getKey());
      if (own.kind() == Symbol.Kind.FUNCTION && own.isImported() && !libraryExternal.containsKey(e.getKey())
          && program != null && !program.isFromLibrary()) {
        libraryExternal.put(e.getKey(), own);
      }
    }
  }

  /**
   * A name the program declares with another type than the library's is fine when the program
   * defines it and no library code the program reaches binds to the program's definition: the
   * library's calls of its own functions reach its own definitions, so this is left to the
   * objects (shared, as glibc's copy relocations share them) and to the few functions the
   * library declares without defining. Otherwise uses would cross the two types.
   */
  private void checkLibraryClashes(Program program) {
    for (Map.Entry<String, Symbol[]> clash : libraryClashes.entrySet()) {
      String name = clash.getKey();
      Symbol user = clash.getValue()[0];
      Symbol library = clash.getValue()[1];
      Symbol definition = external.get(name);
      String types = " ('" + user.type().spell() + "' vs '" + library.type().spell() + "')";
      if (definition == null || definition.isFromLibrary()) {
        diagnostics.error(user.pos(), "conflicting types for '" + name + "' with the C library's" + types);
        continue;
      }
      for (FunctionDef f : program.functions()) {
        if (!f.symbol().isFromLibrary()) continue;
        boolean[] uses = {false};
        AstWalker.expressions(f.body(), e -> {
          if (e instanceof Expr.VarRef v && v.symbol().isFromLibrary() && v.symbol().name().equals(name)
              && program.resolve(v.symbol()) == definition) {
            uses[0] = true;
          }
        });
        if (uses[0]) {
          diagnostics.error(user.pos(), "'" + name + "' is defined with another type than the C library's"
              + types + ", and the library's '" + f.symbol().name() + "', which this program uses, uses it");
          break;
        }
      }
    }
  }

  /**
   * Makes {@code getchar} the libc's {@code __wasmformer_getchar_unget}, which returns a
   * character {@code ungetc} pushed back to stdin first, when getchar is the bare input import
   * (no user definition). Only for programs that reach {@code ungetc}: the others keep the
   * import itself, and their traces. Also for programs that reach {@code feof}, which needs to
   * know that a getchar met the end of the input.
   */
  private boolean ungetcAwareGetchar() {
    Symbol wrapper = libraryExternal.get("__wasmformer_getchar_unget");
    if (wrapper == null) return false;
    boolean changed = false;
    // The program's getchar, unless it defines one (whose symbol has <stdio.h>'s import too).
    Symbol getchar = external.getOrDefault("getchar", declared.get("getchar"));
    if (getchar != null && getchar.isImported() && !functionDefs.containsKey(getchar)) {
      external.put("getchar", wrapper);
      changed = true;
    }
    // The library's own getchar is the import even when the program defines a getchar.
    Symbol own = libraryExternal.getOrDefault("getchar", libraryDeclared.get("getchar"));
    if (own != null && own.isImported()) {
      libraryExternal.put("getchar", wrapper);
      changed = true;
    }
    return changed;
  }

  private static boolean reachesLibraryFunction(Program program, String name) {
    for (FunctionDef f : program.functions()) {
      if (f.symbol().name().equals(name) && f.symbol().isFromLibrary()) return true;
    }
    return false;
  }

  private void define(Symbol s) {
    if (!s.hasExternalLinkage()) return;
    Symbol old = external.get(s.name());
    if (old == null || old == s) {
      external.put(s.name(), s);
      return;
    }
    if (old.isFromLibrary() && !s.isFromLibrary()) {
      external.put(s.name(), s);
    } else if (!s.isFromLibrary() && !old.isFromLibrary()) {
      boolean bothTentative = globalDefs.containsKey(old) && globalDefs.containsKey(s)
          && globalDefs.get(old).init() == null && globalDefs.get(s).init() == null;
      if (bothTentative) return; // common symbols: the same object
      if (globalDefs.containsKey(old) && globalDefs.get(old).init() == null && globalDefs.containsKey(s)) {
        external.put(s.name(), s);
        return;
      }
      if (globalDefs.containsKey(s) && globalDefs.get(s).init() == null) return;
      diagnostics.error(s.pos(), "multiple definitions of '" + s.name() + "'");
    }
  }

  private Program reach(List<TranslationUnit> units, List<FunctionDef> roots, FunctionDef main,
      Map<String, FunctionDef> exports) {
    Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> work = new ArrayDeque<>(roots);
    List<Symbol> imports = new ArrayList<>();
    List<Expr.StringLit> strings = new ArrayList<>();
    Set<Symbol> reachedSymbols = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> undefinedReported = new java.util.HashSet<>();
    for (FunctionDef r : roots) seen.add(r);
    while (!work.isEmpty()) {
      Object item = work.poll();
      java.util.function.Consumer<Expr> visit = e -> {
        if (e instanceof Expr.StringLit s) {
          strings.add(s);
        } else if (e instanceof Expr.VarRef v) {
          Symbol s = v.symbol();
          if (s.kind() == Symbol.Kind.FUNCTION) {
            Symbol d = resolve(s);
            FunctionDef f = functionDefs.get(d);
            if (f != null) {
              if (seen.add(f)) work.add(f);
            } else if (d.isImported()) {
              if (reachedSymbols.add(d)) imports.add(d);
            } else if (undefinedReported.add(d.name())) {
              String why = NOT_IN_LIBC.get(d.name());
              diagnostics.error(v.pos(), "undefined reference to function '" + d.name() + "'" + (why == null ? "" : ": " + why));
            }
          } else if (s.kind() == Symbol.Kind.OBJECT && s.hasStaticStorage()) {
            Symbol d = resolve(s);
            GlobalVar g = globalDefs.get(d);
            if (g != null) {
              if (seen.add(g)) work.add(g);
            } else if (undefinedReported.add(d.name())) {
              diagnostics.error(v.pos(), "undefined reference to '" + d.name() + "'");
            }
          }
        } else if (e instanceof Expr.CompoundLiteral c && c.object().hasStaticStorage()) {
          GlobalVar g = globalDefs.get(c.object());
          if (g != null && seen.add(g)) work.add(g);
        }
      };
      if (item instanceof FunctionDef f) {
        AstWalker.expressions(f.body(), visit);
      } else {
        AstWalker.expressions(((GlobalVar) item).init(), visit);
      }
    }
    // Keep the order of the sources, so the module is the same for the same input.
    List<FunctionDef> functions = new ArrayList<>();
    List<GlobalVar> globals = new ArrayList<>();
    for (TranslationUnit u : units) {
      for (FunctionDef f : u.functions()) if (seen.contains(f)) functions.add(f);
      for (GlobalVar g : u.globals()) if (seen.contains(g) && globalDefs.get(g.symbol()) == g) globals.add(g);
    }
    Map<String, Symbol> resolution = new HashMap<>(declared);
    resolution.putAll(external);
    return new Program(functions, globals, imports, strings, main, exports, Map.copyOf(resolution),
        Map.copyOf(libraryExternal));
  }

  private Symbol resolve(Symbol s) {
    if (!s.hasExternalLinkage()) return s;
    if (s.isFromLibrary() && s.kind() == Symbol.Kind.FUNCTION) {
      Symbol own = libraryExternal.get(s.name());
      if (own != null) return own;
    }
    Symbol d = external.get(s.name());
    if (d != null) return d;
    return declared.getOrDefault(s.name(), s);
  }
}
