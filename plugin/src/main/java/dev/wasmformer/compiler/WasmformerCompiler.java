package dev.wasmformer.compiler;

import dev.wasmformer.runtime.PrefixStates;
import dev.wasmformer.runtime.format.BundleFormatException;
import dev.wasmformer.runtime.format.MetadataEntries;
import dev.wasmformer.c.CCompiler;
import dev.wasmformer.c.CompileOptions;
import dev.wasmformer.c.CompileResult;
import dev.wasmformer.c.Diagnostic;
import dev.wasmformer.c.ExportSignature;
import dev.wasmformer.c.SourceFile;
import dev.wasmformer.interpreter.InterpreterGraph;
import dev.wasmformer.interpreter.ProgramEncoder;
import dev.wasmformer.isa.ArgumentRegion;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.lowering.Lowering;
import dev.wasmformer.assembly.AssembledModel;
import dev.wasmformer.interpreter.Vocab;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.NamedModel;
import dev.wasmformer.runtime.format.Metadata;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.SourceDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The build-time pipeline, in the order the README tells it: WebAssembly is lowered to a
 * token program, token programs are written as prompts, and the universal interpreter's
 * weights (or, {@linkplain #specializing() specializing}, one model per program), the
 * vocabulary and the programs become one bundle.
 */
public final class WasmformerCompiler {
  /** The version written into bundles. */
  public static final String VERSION = "0.1.0";

  private final InterpreterModel model; // null when specializing or restricting
  private final List<Program> programs = new ArrayList<>();
  /** The opcodes of the programs added so far, when the model is made for them (restricting). */
  private final Set<dev.wasmformer.isa.Opcode> opcodes;
  private final List<TokenProgram> specialized = new ArrayList<>();
  private final List<SourceDigest> sources = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final Map<String, List<TokenProgram.FunctionInfo>> functions = new HashMap<>();

  /**
   * A compiler whose programs all run on one interpreter model, made for the opcodes they
   * use ({@link InterpreterModel#forOpcodes}): the universal interpreter without the logic of
   * the others, so with the universal model's traces and fewer units and heads per token.
   */
  public WasmformerCompiler() {
    this.model = null;
    this.opcodes = java.util.EnumSet.noneOf(dev.wasmformer.isa.Opcode.class);
  }

  /** A compiler whose programs all run on {@code model}. */
  public WasmformerCompiler(InterpreterModel model) {
    this.model = java.util.Objects.requireNonNull(model);
    this.opcodes = null;
  }

  private WasmformerCompiler(boolean specialize) {
    this.model = null;
    this.opcodes = null;
  }

  /**
   * A compiler that bakes each program into a model of its own (the first Futamura
   * projection): the bundle holds one model per program, named after it, and each prompt
   * holds only the program's arguments, memory image and input. Results and generated traces
   * are the universal interpreter's.
   */
  public static WasmformerCompiler specializing() {
    return new WasmformerCompiler(true);
  }

  /** Whether each program gets its own model. */
  public boolean specializes() {
    return model == null && opcodes == null;
  }

  /** Lowers a WebAssembly module's entry function (null: main, else _start) to a token program. */
  public static TokenProgram lower(byte[] wasm, String entryOrNull) {
    return Lowering.lower(wasm, entryOrNull, InterpreterGraph.SUPPORTED);
  }

  /**
   * Lowers a module's entry function; a WASI program's {@code args_get} returns {@code argv}
   * (argv[0] first).
   */
  public static TokenProgram lower(byte[] wasm, String entryOrNull, List<String> argv) {
    return Lowering.lower(wasm, entryOrNull, InterpreterGraph.SUPPORTED, argv);
  }

  /**
   * Lowers a C program's exported function, typed by its C signature: a pointer parameter
   * becomes a byte buffer (the stub copies it out after the call), a float an F32 and a
   * double an F64. A result the C function lacks (an exit status the lowering adds) stays an
   * I32.
   */
  public static TokenProgram lower(byte[] wasm, String entry, ExportSignature c) {
    Set<Integer> buffers = new HashSet<>();
    for (int i = 0; i < c.params().size(); i++) {
      if (c.params().get(i) == ExportSignature.Scalar.POINTER) buffers.add(i);
    }
    TokenProgram p = Lowering.lower(wasm, entry, InterpreterGraph.SUPPORTED, List.of(Lowering.DEFAULT_PROGRAM_NAME),
        buffers);
    List<TokenProgram.ValueKind> params = c.params().stream().map(WasmformerCompiler::kind).toList();
    List<TokenProgram.ValueKind> results = c.result().isEmpty() ? p.results()
        : List.of(c.result().get() == ExportSignature.Scalar.POINTER ? TokenProgram.ValueKind.I32 : kind(c.result().get()));
    return p.withTypes(params, results);
  }

  private static TokenProgram.ValueKind kind(ExportSignature.Scalar s) {
    return switch (s) {
      case INT32 -> TokenProgram.ValueKind.I32;
      case POINTER -> TokenProgram.ValueKind.BYTES;
      case INT64 -> TokenProgram.ValueKind.I64;
      case FLOAT -> TokenProgram.ValueKind.F32;
      case DOUBLE -> TokenProgram.ValueKind.F64;
    };
  }

  /** Adds a program compiled from a module; {@code source} names it in the bundle's metadata. */
  public WasmformerCompiler addWasm(String name, String source, byte[] wasm, String entryOrNull) {
    return addWasm(name, source, wasm, entryOrNull, List.of());
  }

  /**
   * Adds a program compiled from a module. If it is a WASI program, its argv is {@code name}
   * followed by {@code args} until a run gives others ({@code RunOptions.withArgv}); otherwise {@code args} must be empty (a plain module's arguments
   * are its entry's parameters, given when it runs).
   */
  public WasmformerCompiler addWasm(String name, String source, byte[] wasm, String entryOrNull, List<String> args) {
    if (!args.isEmpty() && !Lowering.importsWasi(wasm)) {
      throw new IllegalArgumentException("the module imports no WASI function, so it has no argv; "
          + args.size() + " argument strings were given");
    }
    List<String> argv = new ArrayList<>();
    argv.add(name);
    argv.addAll(args);
    Lowering.Lowered lowered = Lowering.lowerProgram(wasm, entryOrNull, InterpreterGraph.SUPPORTED, argv);
    // a program that reads its argv reads it from an area each run may fill (RunOptions.withArgv)
    addProgram(rename(lowered.program(), name), source, lowered.argvArea());
    sources.add(SourceDigest.newBuilder().setPath(source).setSha256(sha256(wasm)).build());
    return this;
  }

  /** The C compiler's settings that suit the transformer's current instruction set. */
  public static CompileOptions cOptions() {
    return CompileOptions.defaults().withDenseSwitchAsBrTable(
        InterpreterGraph.SUPPORTED.contains(dev.wasmformer.isa.Opcode.JUMP_TABLE));
  }

  /** The warnings of the C programs added so far ({@link #addC(String, List, CompileOptions, List, String)}), in order. */
  public List<Diagnostic> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * Compiles C sources (one program, linked together) to WebAssembly.
   *
   * @throws CCompilationException with every diagnostic if the sources have errors
   */
  public static CompileResult compileC(List<SourceFile> sources, CompileOptions options) {
    CompileResult r = new CCompiler().compile(sources, options);
    if (!r.success()) throw new CCompilationException(r);
    return r;
  }

  /**
   * Adds a C program: the sources are compiled and linked, the entry is {@code _start}
   * (which calls main and returns its status) unless {@code entryOrNull} names an exported
   * function, and {@code argv} (main's arguments after the program name) is placed in the
   * argument area of the memory image.
   */
  public WasmformerCompiler addC(String name, List<SourceFile> sources, CompileOptions options, List<String> argv,
      String entryOrNull) {
    CompileResult r = compileC(sources, options);
    for (Diagnostic d : r.diagnostics()) {
      if (d.severity() == Diagnostic.Severity.WARNING) warnings.add(d);
    }
    if (entryOrNull == null && !r.module().exports().contains("_start")) {
      throw new IllegalArgumentException(name + " defines no main; name the exported function to enter with --entry (it exports "
          + String.join(", ", r.module().exports().stream().filter(e -> !e.equals("memory")).toList()) + ")");
    }
    String entry = entryOrNull == null ? "_start" : entryOrNull;
    ExportSignature c = r.module().signatures().get(entry);
    TokenProgram p = c == null ? lower(r.wasm(), entry) : lower(r.wasm(), entry, c);
    if (entryOrNull != null && !argv.isEmpty()) {
      throw new IllegalArgumentException("argv is main's; the entry " + entryOrNull + " takes none");
    }
    addC(rename(p, name), r.module(), argv, sources.get(0).path());
    for (SourceFile f : sources) addSourceDigest(f.path(), f.text());
    return this;
  }

  /**
   * Adds a program lowered from a module of our C compiler. When it enters {@code _start} and
   * {@code main} takes argc/argv, the argument area is a region each run may fill ({@code
   * RunOptions.withArgv}); until a run does, it holds the program's name and {@code argv}. When
   * it takes byte buffers (pointer parameters), the area is where each run places them.
   */
  public WasmformerCompiler addC(TokenProgram lowered, CompileResult.ModuleInfo module, List<String> argv,
      String source) {
    boolean start = lowered.entry().equals("_start");
    if (!start && !argv.isEmpty()) {
      throw new IllegalArgumentException("argv is main's; the entry " + lowered.entry() + " takes none");
    }
    TokenProgram p = start ? withArguments(lowered, module, lowered.name(), argv) : lowered;
    boolean buffers = lowered.params().contains(TokenProgram.ValueKind.BYTES);
    boolean takesArgv = start && mainTakesArgv(module);
    Optional<ArgumentRegion> region = (takesArgv || buffers) && module.argAreaBytes() > 0
        ? Optional.of(new ArgumentRegion(module.argAreaAddress(), module.argAreaBytes(),
            takesArgv ? ArgumentRegion.Use.ARGV : ArgumentRegion.Use.BUFFERS))
        : Optional.empty();
    if (buffers && region.isEmpty()) {
      throw new IllegalArgumentException(lowered.name() + " takes a byte buffer, but its module has no argument area");
    }
    return addProgram(p, source, region);
  }

  /**
   * Whether the module's {@code main} takes argc/argv. The argument area alone does not say: the
   * compiler also reserves it for an export that takes a pointer.
   */
  private static boolean mainTakesArgv(CompileResult.ModuleInfo module) {
    ExportSignature main = module.signatures().get("main");
    return module.argAreaBytes() > 0 && main != null && !main.params().isEmpty();
  }

  /** The memory image with argc and the NUL-terminated argument strings at the argument area. */
  static TokenProgram withArguments(TokenProgram p, CompileResult.ModuleInfo module, String name, List<String> argv) {
    if (!mainTakesArgv(module)) {
      if (!argv.isEmpty()) throw new IllegalArgumentException("main takes no arguments, but " + argv.size() + " were given");
      return p;
    }
    java.io.ByteArrayOutputStream area = new java.io.ByteArrayOutputStream();
    List<String> all = new ArrayList<>();
    all.add(name);
    all.addAll(argv);
    int argc = all.size();
    for (int i = 0; i < 4; i++) area.write(argc >>> (8 * i));
    for (String a : all) {
      area.writeBytes(a.getBytes(StandardCharsets.UTF_8));
      area.write(0);
    }
    if (area.size() > module.argAreaBytes()) {
      throw new IllegalArgumentException("the arguments take " + area.size() + " bytes; the program's argument area holds "
          + module.argAreaBytes());
    }
    byte[] mem = p.memory();
    int end = module.argAreaAddress() + area.size();
    if (mem.length < end) mem = java.util.Arrays.copyOf(mem, end);
    System.arraycopy(area.toByteArray(), 0, mem, module.argAreaAddress(), area.size());
    return new TokenProgram(p.name(), p.entry(), p.params(), p.results(), p.instructions(), mem, p.memoryBytes(),
        p.globals(), p.paramInstructions(), p.functions());
  }

  /** Adds a lowered program. */
  public WasmformerCompiler addProgram(TokenProgram program, String source) {
    return addProgram(program, source, Optional.empty());
  }

  /** Adds a lowered program whose memory has a region each run fills. */
  public WasmformerCompiler addProgram(TokenProgram program, String source, Optional<ArgumentRegion> region) {
    for (Program p : programs) {
      if (p.getName().equals(program.name())) throw new IllegalArgumentException("two programs are named " + program.name());
    }
    if (model != null && !model.opcodes().containsAll(InterpreterGraph.opcodesOf(program))) {
      Set<dev.wasmformer.isa.Opcode> missing = java.util.EnumSet.copyOf(InterpreterGraph.opcodesOf(program));
      missing.removeAll(model.opcodes());
      throw new IllegalArgumentException("program " + program.name() + " uses " + missing
          + ", which the interpreter model does not execute");
    }
    Program encoded = specializes()
        ? new ProgramEncoder(VOCAB).encodeSpecialized(program, region).toBuilder().setModel(program.name()).build()
        : new ProgramEncoder(VOCAB).encode(program, region);
    programs.add(encoded.toBuilder().setSource(source == null ? "" : source).build());
    functions.put(program.name(), program.functions());
    if (specializes()) specialized.add(program);
    if (opcodes != null) opcodes.addAll(InterpreterGraph.opcodesOf(program));
    return this;
  }

  /**
   * The functions of the program added as {@code name} (where each starts, for naming an
   * instruction index), as its lowering found them.
   *
   * @throws IllegalArgumentException if no program of that name was added
   */
  public List<TokenProgram.FunctionInfo> functions(String name) {
    List<TokenProgram.FunctionInfo> f = functions.get(name);
    if (f == null) throw new IllegalArgumentException("no program is named " + name);
    return f;
  }

  /** Records a source file's digest in the bundle's metadata. */
  public WasmformerCompiler addSourceDigest(String path, String text) {
    sources.add(SourceDigest.newBuilder().setPath(path).setSha256(sha256(text.getBytes(StandardCharsets.UTF_8))).build());
    return this;
  }

  /**
   * Whether {@link #bundle()} stores each program's state after its fixed prompt prefix (on
   * by default), so that the first run of the loaded bundle need not feed those tokens; it
   * costs the build one pass over them and the bundle the state's bytes.
   */
  public WasmformerCompiler prefixStates(boolean store) {
    this.prefixStates = store;
    return this;
  }

  private boolean prefixStates = true;

  /** The bundle with every program added so far (with their prefix states, see {@link #prefixStates}). */
  public Bundle bundle() {
    Bundle bundle = plainBundle();
    if (!prefixStates) return bundle;
    try {
      return PrefixStates.attach(bundle);
    } catch (BundleFormatException e) {
      throw new IllegalStateException("the compiler made an invalid bundle: " + e.getMessage(), e);
    }
  }

  private Bundle plainBundle() {
    if (specializes()) return specializedBundle();
    InterpreterModel model = this.model != null ? this.model : InterpreterModel.forOpcodes(opcodes);
    var w = model.weights();
    Metadata.Builder metadata = Metadata.newBuilder().setCompilerVersion(VERSION).addAllSources(sources);
    MetadataEntries.putStatistic(metadata, "ffn_units", w.units());
    MetadataEntries.putStatistic(metadata, "nonzero_weights", w.nonZeros());
    MetadataEntries.putStatistic(metadata, "dense_parameters", w.denseParameters());
    Metadata meta = metadata.build();
    return Bundle.newBuilder()
        .setShape(w.shape())
        .setWeights(w.weights())
        .setVocabulary(model.vocab().toProto())
        .addAllPrograms(programs)
        .setMetadata(meta)
        .build();
  }

  private static final Vocab VOCAB = new Vocab();

  /**
   * One model per program, named after it, and no model of the bundle's own. The statistics
   * sum over the models; {@code largest_*} give the largest model's figures.
   */
  private Bundle specializedBundle() {
    Bundle.Builder b = Bundle.newBuilder().setVocabulary(VOCAB.toProto()).addAllPrograms(programs);
    long units = 0, nonZeros = 0, dense = 0, largestNonZeros = 0, largestUnits = 0;
    for (TokenProgram p : specialized) {
      AssembledModel w = InterpreterModel.specialized(p).weights();
      b.addModels(NamedModel.newBuilder().setName(p.name()).setShape(w.shape()).setWeights(w.weights()));
      units += w.units();
      nonZeros += w.nonZeros();
      dense += w.denseParameters();
      largestNonZeros = Math.max(largestNonZeros, w.nonZeros());
      largestUnits = Math.max(largestUnits, w.units());
    }
    Metadata.Builder metadata = Metadata.newBuilder().setCompilerVersion(VERSION).addAllSources(sources);
    MetadataEntries.putStatistic(metadata, "models", specialized.size());
    MetadataEntries.putStatistic(metadata, "ffn_units", units);
    MetadataEntries.putStatistic(metadata, "nonzero_weights", nonZeros);
    MetadataEntries.putStatistic(metadata, "dense_parameters", dense);
    MetadataEntries.putStatistic(metadata, "largest_ffn_units", largestUnits);
    MetadataEntries.putStatistic(metadata, "largest_nonzero_weights", largestNonZeros);
    b.setMetadata(metadata);
    return b.build();
  }

  static TokenProgram rename(TokenProgram p, String name) {
    return new TokenProgram(name, p.entry(), p.params(), p.results(), p.instructions(), p.memory(), p.memoryBytes(),
        p.globals(), p.paramInstructions(), p.functions());
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
