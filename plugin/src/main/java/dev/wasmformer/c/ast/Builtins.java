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
  /** {@code unsigned long __wasmformer_memory_size(void)}: the memory size in bytes. */
  public static final String MEMORY_SIZE = "__wasmformer_memory_size";
}
