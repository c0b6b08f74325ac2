/* GNU labels as values: &&label, goto *p, static tables of label addresses (a threaded
   interpreter), labels inside loops and nested blocks, and label addresses compared. */
#include "test.h"

enum { PUSH, ADD, MUL, DUP, JNZ, DEC, SWAP, PRINT, HALT };

/* A direct-threaded stack machine: each instruction jumps straight to the next one's code. */
static int run(const int *code) {
  static void *const dispatch[] = {&&push, &&add, &&mul, &&dup, &&jnz, &&dec, &&swap, &&print, &&halt};
  int stack[16];
  int sp = 0;
  const int *pc = code;
#define NEXT goto *dispatch[*pc++]
  NEXT;
push:
  stack[sp++] = *pc++;
  NEXT;
add:
  sp--;
  stack[sp - 1] += stack[sp];
  NEXT;
mul:
  sp--;
  stack[sp - 1] *= stack[sp];
  NEXT;
dup:
  stack[sp] = stack[sp - 1];
  sp++;
  NEXT;
jnz: {
    int target = *pc++;
    if (stack[--sp]) pc = code + target;
  }
  NEXT;
dec:
  stack[sp - 1]--;
  NEXT;
swap: {
    int t = stack[sp - 1];
    stack[sp - 1] = stack[sp - 2];
    stack[sp - 2] = t;
  }
  NEXT;
print:
  printf("%d\n", stack[sp - 1]);
  NEXT;
halt:
  return stack[sp - 1];
#undef NEXT
}

/* Labels in nested statements, the table built at run time, and a label's address in a
   variable that changes as the loop goes. */
static int nested(int n) {
  void *where[3];
  where[0] = &&even;
  where[1] = &&odd;
  where[2] = &&done;
  int evens = 0, odds = 0, i = 0;
  void *next = where[0];
  while (1) {
    if (i == n) next = where[2];
    goto *next;
    for (;;) {
    even:
      evens++;
      break;
    }
    next = &&odd;
    i++;
    continue;
    {
    odd:
      odds += 10;
    }
    next = (void *)where[i % 2];
    i++;
  }
done:
  return evens + odds;
}

/* Address-taken labels in a function whose other gotos are ordinary. */
static int mixed(int x) {
  void *p = x > 0 ? &&positive : &&other;
  if (x == 0) goto zero;
  goto *p;
positive:
  return 1;
other:
  return -1;
zero:
  return 0;
}

int main(void) {
  static const int arithmetic[] = {PUSH, 2, PUSH, 3, ADD, PUSH, 4, MUL, PRINT, HALT};
  ASSERT(20, run(arithmetic));
  /* [acc n]: acc *= 2, printed, and n-- until n is 0 */
  static const int doubling[] = {PUSH, 1, PUSH, 5, SWAP, PUSH, 2, MUL, PRINT, SWAP, DEC, DUP, JNZ, 4, SWAP, HALT};
  ASSERT(32, run(doubling));
  ASSERT(0, nested(0));
  ASSERT(1, nested(1));
  ASSERT(2 + 30, nested(5));
  ASSERT(1, mixed(5));
  ASSERT(-1, mixed(-5));
  ASSERT(0, mixed(0));
  void *a = &&here, *b = &&there;
  ASSERT(1, a != b);
  ASSERT(1, a != NULL);
  ASSERT(1, a == &&here);
here:
  assertions++;
there:
  printf("%d assertions\n", assertions);
  return 0;
}
