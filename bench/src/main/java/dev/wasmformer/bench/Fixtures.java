package dev.wasmformer.bench;

import dev.wasmformer.compiler.InterpreterModel;
import dev.wasmformer.compiler.WasmformerCompiler;
import dev.wasmformer.runtime.format.Bundle;
import dev.wasmformer.runtime.format.Program;
import dev.wasmformer.runtime.format.Token;
import dev.wasmformer.runtime.format.TokenRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The fib bundle the benchmarks decode, built once, and its prompts. */
final class Fixtures {
  /** fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2), as a WebAssembly binary module. */
  static final byte[] FIB_WASM = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x66, 0x69, 0x62, 0x00, 0x00, 0x0a, 0x1e, 0x01,
    0x1c, 0x00, 0x20, 0x00, 0x41, 0x02, 0x48, 0x04, 0x7f, 0x20, 0x00, 0x05, 0x20, 0x00, 0x41, 0x01,
    0x6b, 0x10, 0x00, 0x20, 0x00, 0x41, 0x02, 0x6b, 0x10, 0x00, 0x6a, 0x0b, 0x0b
  };

  private static Bundle fib;

  private Fixtures() {}

  static synchronized Bundle fib() {
    if (fib == null) {
      fib = new WasmformerCompiler(InterpreterModel.get()).addWasm("fib", "fib.wasm", FIB_WASM, "fib").bundle();
    }
    return fib;
  }

  static byte[] bytes(Bundle bundle) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      dev.wasmformer.runtime.format.BundleFiles.write(bundle, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prompt of the bundle's first program for a single i32 argument and no input. */
  static int[] prompt(Bundle bundle, int argument) {
    int[] programByte = new int[256];
    int inputEnd = -1;
    for (int id = 0; id < bundle.getVocabulary().getTokensCount(); id++) {
      Token t = bundle.getVocabulary().getTokens(id);
      if (t.getRole() == TokenRole.PROGRAM_BYTE) programByte[t.getValue()] = id;
      if (t.getRole() == TokenRole.INPUT_END) inputEnd = id;
    }
    Program p = bundle.getPrograms(0);
    int[] prompt = new int[p.getPrefixCount() + 1 + p.getSuffixCount()];
    for (int i = 0; i < p.getPrefixCount(); i++) prompt[i] = p.getPrefix(i);
    for (int b = 0; b < 4; b++) {
      prompt[p.getParamPositions(b)] = programByte[(argument >>> (8 * b)) & 0xFF];
    }
    prompt[p.getPrefixCount()] = inputEnd;
    for (int i = 0; i < p.getSuffixCount(); i++) prompt[p.getPrefixCount() + 1 + i] = p.getSuffix(i);
    return prompt;
  }
}
