#ifndef _ALLOCA_H
#define _ALLOCA_H

/*
 * alloca(n): n bytes in the calling function's stack frame, released when it returns, as gcc's
 * (the storage of the variable-length arrays; a size that would reach the static data traps
 * with "call stack exhausted"). It is the compiler's builtin, so it cannot be called through a
 * pointer.
 */
#include <stddef.h>

#define alloca(size) __builtin_alloca(size)

#endif
