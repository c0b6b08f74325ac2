#ifndef _SETJMP_H
#define _SETJMP_H
/* A buffer holds the activation of the function that called setjmp, the site (which
   setjmp) and the stack pointer; longjmp unwinds by returning (see docs/c-compiler.md). */
typedef struct { int __activation, __site, __stack_pointer; } jmp_buf[1];
#define setjmp(env) __wasmformer_setjmp(env)
_Noreturn void longjmp(jmp_buf env, int value);
#endif
