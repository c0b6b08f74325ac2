/* longjmp: the compiler unwinds to the setjmp (see docs/c-compiler.md). */
#include <setjmp.h>
#include <stdio.h>

/* Called when the unwinding of a longjmp reaches main: its setjmp's function has returned
   (or the buffer was never set). It traps itself: abort() raises SIGABRT, and its calls would
   return at once while the unwinding's flag is still set. */
void __wasmformer_longjmp_lost(void) {
  fputs("longjmp to a setjmp whose function has returned\n", stderr);
  __builtin_trap();
}

void longjmp(jmp_buf env, int value) {
  if (env->__activation == 0) __wasmformer_longjmp_lost();
  __wasmformer_longjmp(env, value);
}
