package dev.wasmformer.cli;

import dev.wasmformer.runtime.Attention;
import dev.wasmformer.runtime.LoadedBundle;
import dev.wasmformer.runtime.Program;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** What the commands that run a program share: choosing it, its arguments, input and cache. */
final class RunSupport {
  private RunSupport() {}

  /** The program named {@code name}, or the bundle's only program. */
  static Program program(LoadedBundle bundle, String name) {
    if (name != null) return bundle.program(name);
    if (bundle.programs().size() != 1) {
      throw new IllegalArgumentException("the bundle has " + bundle.programs().size()
          + " programs; choose one with --program: " + bundle.programs());
    }
    return bundle.programs().get(0);
  }

  static Attention attention(String name) {
    try {
      return Attention.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--attention must be hull or naive, not " + name);
    }
  }

  /** All of {@code in}; nothing from an interactive terminal, as the prompt is built before decoding. */
  static byte[] input(InputStream in) throws IOException {
    if (in == System.in && System.console() != null) return new byte[0];
    return in.readAllBytes();
  }

  static long[] integers(List<String> args) {
    long[] values = new long[args.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = Long.decode(args.get(i));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("argument is not an integer: " + args.get(i));
      }
    }
    return values;
  }
}
