package dev.wasmformer.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random damage for fuzz tests, from a seeded {@link Random} so that every failure can be
 * replayed: byte-level mutations (for modules and bundles) and text-level ones that know
 * a little C.
 */
public final class Mutator {
  private static final String C_CHARS = "{}()[];,.+-*/%&|^!~<>=?:#\"'\\ \n\tabcxyzLU0123456789_";

  /** Fragments of C that steer mutations into the grammar's corners. */
  private static final List<String> C_FRAGMENTS = List.of(
      "int ", "char ", "long long ", "unsigned ", "struct s ", "union u ", "enum e ", "typedef ", "static ",
      "const ", "volatile ", "void ", "sizeof ", "return ", "if (", "else ", "while (", "for (;;)", "do ",
      "switch (x) { case 1: ", "default: ", "goto l; ", "l: ", "break; ", "continue; ", "->", ".", "...", "++",
      "--", "<<=", ">>", "&&", "||", "?:", "(", ")", "{", "}", "[", "]", ";", ",", "*", "&", "=", "0x", "0x1p3",
      "1.5", "'a'", "'\\", "\"str", "\"", "/*", "*/", "//", "\\\n", "#define M(a) a##a\n", "#define X\n", "#if ",
      "#ifdef X\n", "#endif\n", "#else\n", "#elif 1\n", "#include <stdio.h>\n", "#include \"", "#undef X\n",
      "#pragma once\n", "#error\n", "#line 5\n", "__attribute__((", "export_name(\"f\")", "))", "main", "printf(\"%d\", ",
      "M(", "x", "0", "-1", "2147483648", "18446744073709551616", "\u00e9", "\0", "int f(int a, ...);",
      "int a[];", "int a[-1];", "struct s { int x; };", "(struct s){1}", "*(int*)0", "&&l", "\t", "\n");

  private final Random random;

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  /** One to four text mutations of {@code text}. */
  public String mutateC(String text) {
    StringBuilder s = new StringBuilder(text);
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
      int span = Math.min(s.length() - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 80));
      switch (random.nextInt(7)) {
        case 0 -> s.delete(at, at + span);
        case 1 -> s.insert(at, C_CHARS.charAt(random.nextInt(C_CHARS.length())));
        case 2, 3 -> s.insert(at, C_FRAGMENTS.get(random.nextInt(C_FRAGMENTS.size())));
        case 4 -> s.insert(at, s.substring(at, at + span));
        case 5 -> s.setLength(at);
        default -> {
          if (at < s.length()) s.setCharAt(at, (char) random.nextInt(128));
        }
      }
    }
    return s.toString();
  }

  /** A soup of C fragments, mostly not a program. */
  public String randomC() {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(120);
    for (int i = 0; i < n; i++) s.append(C_FRAGMENTS.get(random.nextInt(C_FRAGMENTS.size())));
    return s.toString();
  }

  /**
   * One to four byte mutations of {@code bytes}: bit flips, random bytes, deleted, inserted
   * or duplicated runs, or a cut.
   */
  public byte[] mutateBytes(byte[] bytes) {
    byte[] b = bytes.clone();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) b = mutateOnce(b);
    return b;
  }

  private byte[] mutateOnce(byte[] b) {
    if (b.length == 0) return new byte[] {(byte) random.nextInt(256)};
    int at = random.nextInt(b.length);
    int span = Math.min(b.length - at, 1 + random.nextInt(16));
    switch (random.nextInt(6)) {
      case 0 -> {
        b[at] ^= (byte) (1 << random.nextInt(8));
        return b;
      }
      case 1 -> {
        b[at] = (byte) random.nextInt(256);
        return b;
      }
      case 2 -> {
        return splice(b, at, span, new byte[0]);
      }
      case 3 -> {
        byte[] noise = new byte[1 + random.nextInt(8)];
        random.nextBytes(noise);
        return splice(b, at, 0, noise);
      }
      case 4 -> {
        return splice(b, at, 0, Arrays.copyOfRange(b, at, at + span));
      }
      default -> {
        return Arrays.copyOf(b, at);
      }
    }
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
