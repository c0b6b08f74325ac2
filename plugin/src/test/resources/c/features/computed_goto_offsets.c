// GNU label-address arithmetic: tables of label differences (the "relative offsets" form of
// a threaded interpreter, position-independent), goto *(&&base + offset), differences at run
// time, and a label plus a constant in a static initializer. No value of a difference is
// printed: they are code distances in gcc's build and label numbers in ours.
#include "test.h"

enum { OP_PUSH, OP_ADD, OP_MUL, OP_DUP, OP_JNZ, OP_DEC, OP_SWAP, OP_HALT };

static int run(const signed char *code) {
  static const int offsets[] = {
      &&push - &&push, &&add - &&push, &&mul - &&push, &&dup - &&push,
      &&jnz - &&push, &&dec - &&push, &&swap - &&push, &&halt - &&push,
  };
  int stack[16];
  int sp = 0;
  const signed char *pc = code;
#define NEXT goto *(&&push + offsets[*pc++])
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
jnz:
  if (stack[--sp]) {
    pc += *pc;
    NEXT;
  }
  pc++;
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
halt:
  return stack[sp - 1];
#undef NEXT
}

// narrower tables, differences of char pointers, and offsets from a label in the middle
static int classify(int n) {
  static const short from_mid[] = {(short)(&&neg - &&zero), (short)(&&zero - &&zero), (short)(&&pos - &&zero)};
  static const long by_chars[] = {(char *)&&neg - (char *)&&zero, 0, (char *)&&pos - (char *)&&zero};
  int k = n < 0 ? 0 : n == 0 ? 1 : 2;
  if (from_mid[k] != by_chars[k]) return 99;
  goto *(&&zero + from_mid[k]);
neg:
  return -1;
zero:
  return 0;
pos:
  return 1;
}

// a difference computed at run time, stored in a struct; the label plus a constant
struct jump { long delta; int weight; };

static int walk(int which) {
  struct jump j[2];
  j[0].delta = &&first - &&start;
  j[1].delta = &&second - &&start;
  j[0].weight = 10;
  j[1].weight = 20;
  static void *const again = &&start + 0;
  int total = 0, rounds = 0;
start:
  if (rounds++ == 2) return total;
  goto *((char *)&&start + j[which ^ (rounds == 2)].delta);
first:
  total += j[0].weight;
  goto *again;
second:
  total += j[1].weight * 3;
  goto *again;
}

int main(void) {
  // acc += 2, n times, by a backward jump
  static const signed char loop[] = {
      OP_PUSH, 0, OP_PUSH, 5,             // acc n
      OP_SWAP, OP_PUSH, 2, OP_ADD, OP_SWAP, // acc+2 n
      OP_DEC, OP_DUP, OP_JNZ, -8,         // back to the first SWAP while n != 0
      OP_SWAP, OP_HALT,
  };
  static const signed char sum[] = {OP_PUSH, 20, OP_PUSH, 22, OP_ADD, OP_PUSH, 3, OP_MUL, OP_HALT};
  ASSERT(126, run(sum));
  ASSERT(10, run(loop));
  ASSERT(-1, classify(-7));
  ASSERT(0, classify(0));
  ASSERT(1, classify(12));
  ASSERT(70, walk(0));
  ASSERT(70, walk(1));
  void *a = &&here, *b = &&there;
  long d = (char *)b - (char *)a;
  ASSERT(1, d != 0);
  ASSERT(1, (char *)a + d == (char *)b);
  goto *((char *)a + d);
here:
  printf("not reached\n");
there:
  return DONE();
}
