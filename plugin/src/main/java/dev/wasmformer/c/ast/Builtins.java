package dev.wasmformer.c.ast;

/** Names of the compiler intrinsics the libc is written with. */
public final class Builtins {
  private Builtins() {}

  /** {@code void __wasmformer_exit(int status)}: ends the program with the status (see the codegen). */
  public static final String EXIT = "__wasmformer_exit";
  /** {@code void __builtin_trap(void)}: executes {@code unreachable}. */
  public static final String TRAP = "__builtin_trap";
  /** {@code void __builtin_unreachable(void)}: also {@code unreachable}. */
  public static final String UNREACHABLE = "__builtin_unreachable";
  /** {@code char *__wasmformer_heap_base(void)}: the first address after static data. */
  public static final String HEAP_BASE = "__wasmformer_heap_base";
  /** {@code char *__wasmformer_stack_pointer(void)}: the current stack pointer. */
  public static final String STACK_POINTER = "__wasmformer_stack_pointer";
  /**
   * {@code char *__wasmformer_vla_alloc(unsigned long size)}: lowers the stack pointer by the
   * size, to a multiple of 16, and returns it: the storage of a variable-length array (sema
   * generates it; the stack check of a frame traps if it would reach the static data).
   */
  public static final String VLA_ALLOC = "__wasmformer_vla_alloc";
  /**
   * {@code void *__builtin_alloca(unsigned long size)}: {@code <alloca.h>}'s alloca, the storage
   * of a variable-length array that only the function's return releases (in a function calling
   * it, the end of an array's scope releases nothing either).
   */
  public static final String ALLOCA = "__builtin_alloca";
  /** {@code void __wasmformer_set_stack_pointer(char *)}: releases the arrays allocated below it. */
  public static final String SET_STACK_POINTER = "__wasmformer_set_stack_pointer";
  /**
   * {@code int __wasmformer_setjmp(void *env)}: {@code setjmp} (see the codegen, which allows
   * it only where C does: about a statement's whole expression or controlling expression).
   */
  public static final String SETJMP = "__wasmformer_setjmp";
  /** {@code void __wasmformer_longjmp(void *env, int value)}: {@code longjmp}'s unwinding. */
  public static final String LONGJMP = "__wasmformer_longjmp";
  /** {@code unsigned long __wasmformer_memory_size(void)}: the memory size in bytes. */
  public static final String MEMORY_SIZE = "__wasmformer_memory_size";
  /** {@code unsigned __wasmformer_f32_bits(float)}: the bit pattern of a float (no code: a float is an i32). */
  public static final String F32_BITS = "__wasmformer_f32_bits";
  /** {@code unsigned long long __wasmformer_f64_bits(double)}: the bit pattern of a double. */
  public static final String F64_BITS = "__wasmformer_f64_bits";
  /** {@code float __wasmformer_bits_f32(unsigned)}: the float with this bit pattern. */
  public static final String BITS_F32 = "__wasmformer_bits_f32";
  /** {@code double __wasmformer_bits_f64(unsigned long long)}: the double with this bit pattern. */
  public static final String BITS_F64 = "__wasmformer_bits_f64";

  /**
   * The bit-counting builtins of gcc, {@code __builtin_clz}, {@code ctz} and {@code popcount}
   * with the suffixes "" and "l" (32-bit) and "ll" (64-bit): one wasm instruction each (for
   * a zero argument, clz and ctz give the width rather than being undefined).
   */
  public static boolean isBitCount(String name) {
    return BIT_COUNTS.contains(name);
  }

  private static final java.util.Set<String> BIT_COUNTS = java.util.Set.of(
      "__builtin_clz", "__builtin_clzl", "__builtin_clzll", "__builtin_ctz", "__builtin_ctzl", "__builtin_ctzll",
      "__builtin_popcount", "__builtin_popcountl", "__builtin_popcountll");

  /** True for the four reinterpretations above, which generate no code. */
  public static boolean isBitcast(String name) {
    return name.equals(F32_BITS) || name.equals(F64_BITS) || name.equals(BITS_F32) || name.equals(BITS_F64);
  }
}
