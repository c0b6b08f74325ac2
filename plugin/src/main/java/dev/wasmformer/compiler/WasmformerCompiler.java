package dev.wasmformer.compiler;

import dev.wasmformer.interpreter.InterpreterGraph;
import dev.wasmformer.interpreter.ProgramEncoder;
import dev.wasmformer.isa.TokenProgram;
import dev.wasmformer.lowering.Lowering;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Metadata;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.SourceDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The build-time pipeline, in the order the README tells it: WebAssembly is lowered to a
 * token program, token programs are written as prompts, and the universal interpreter's
 * weights, vocabulary and programs become one bundle.
 */
public final class WasmformerCompiler {
  /** The version written into bundles. */
  public static final String VERSION = "0.1.0";

  private final InterpreterModel model;
  private final List<Program> programs = new ArrayList<>();
  private final List<SourceDigest> sources = new ArrayList<>();

  public WasmformerCompiler() {
    this(InterpreterModel.get());
  }

  public WasmformerCompiler(InterpreterModel model) {
    this.model = model;
  }

  /** Lowers a WebAssembly module's entry function (null: main, else _start) to a token program. */
  public static TokenProgram lower(byte[] wasm, String entryOrNull) {
    return Lowering.lower(wasm, entryOrNull, InterpreterGraph.SUPPORTED);
  }

  /** Adds a program compiled from a module; {@code source} names it in the bundle's metadata. */
  public WasmformerCompiler addWasm(String name, String source, byte[] wasm, String entryOrNull) {
    TokenProgram p = lower(wasm, entryOrNull);
    addProgram(rename(p, name), source);
    sources.add(SourceDigest.newBuilder().setPath(source).setSha256(sha256(wasm)).build());
    return this;
  }

  /** Adds a lowered program. */
  public WasmformerCompiler addProgram(TokenProgram program, String source) {
    for (Program p : programs) {
      if (p.getName().equals(program.name())) throw new IllegalArgumentException("two programs are named " + program.name());
    }
    programs.add(new ProgramEncoder(model.vocab()).encode(program).toBuilder().setSource(source == null ? "" : source).build());
    return this;
  }

  /** Records a source file's digest in the bundle's metadata. */
  public WasmformerCompiler addSourceDigest(String path, String text) {
    sources.add(SourceDigest.newBuilder().setPath(path).setSha256(sha256(text.getBytes(StandardCharsets.UTF_8))).build());
    return this;
  }

  /** The bundle with every program added so far. */
  public Bundle bundle() {
    var w = model.weights();
    Metadata meta = Metadata.newBuilder()
        .setCompilerVersion(VERSION)
        .addAllSources(sources)
        .putStatistics("ffn_units", w.units())
        .putStatistics("nonzero_weights", w.nonZeros())
        .putStatistics("dense_parameters", w.denseParameters())
        .build();
    return Bundle.newBuilder()
        .setShape(w.shape())
        .setWeights(w.weights())
        .setVocabulary(model.vocab().toProto())
        .addAllPrograms(programs)
        .setMetadata(meta)
        .build();
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
