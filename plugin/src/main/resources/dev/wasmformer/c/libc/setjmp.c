/* longjmp: the compiler unwinds to the setjmp (see docs/c-compiler.md). */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

/* Called when the unwinding of a longjmp reaches main: its setjmp's function has returned
   (or the buffer was never set). */
void __wasmformer_longjmp_lost(void) {
  fputs("longjmp to a setjmp whose function has returned\n", stderr);
  abort();
}

void longjmp(jmp_buf env, int value) {
  if (env->__activation == 0) __wasmformer_longjmp_lost();
  __wasmformer_longjmp(env, value);
}
