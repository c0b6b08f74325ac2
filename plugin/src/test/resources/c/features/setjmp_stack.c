/* 100,000 longjmps out of frames with variable-length arrays and struct temporaries, to a
   function that allocates a variable-length array after its setjmp: the stack does not grow. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>

static jmp_buf env;

struct pair { long a, b; };

static uintptr_t probe(void) {
  volatile char c = 0;
  return (uintptr_t) &c;
}

static struct pair make(int n) {
  struct pair p = {n, 2L * n};
  if (n % 5 == 0) longjmp(env, n);
  return p;
}

static long thrower(int n) {
  int vla[n % 7 + 1];
  for (int i = 0; i <= n % 7; i++) vla[i] = i * n;
  struct pair p = make(n);
  if (n % 3 == 0) return thrower(n + 1) + vla[0];
  longjmp(env, (int) (p.a + p.b + vla[n % 7]) % 1000 + 1);
}

int main(void) {
  volatile int count = 0;
  volatile long total = 0;
  volatile uintptr_t first = 0;
  volatile int moved = 0;
  int r = setjmp(env);
  total += r;
  if (count < 100000) {
    uintptr_t p = probe();
    if (first == 0) first = p;
    else if (p != first) moved++;
    count++;
    int scratch[count % 5 + 1];
    scratch[0] = count;
    thrower(scratch[0]);
  }
  printf("%d longjmps, total %ld, stack moved %d times\n", count, total, moved);
  return 0;
}
