/* setjmp/longjmp: nested buffers across several frames, deep recursion, a qsort callback,
   loops and switch statements, a retry loop, longjmp(env, 0), every allowed setjmp context. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf outer, inner;
static int calls;

static int leaf(int v) {
  calls++;
  if (v == 3) longjmp(inner, v * 10);
  if (v == 7) longjmp(outer, v * 100);
  return v + 1;
}

static int middle(int v) {
  int sum = 0;
  for (int i = 0; i < 3; i++) sum += leaf(v + i);
  return sum;
}

static int guarded(int v) {
  int r = setjmp(inner);
  if (r) return -r; /* the inner buffer's function is still active */
  return middle(v);
}

static void nested(void) {
  for (int v = 0; v < 8; v += 2) {
    int r;
    if ((r = setjmp(outer)) != 0) {
      printf("outer caught %d after %d calls\n", r, calls);
      return;
    }
    printf("guarded(%d) = %d\n", v, guarded(v));
  }
}

static jmp_buf deep;
static long recurse(int n, long acc) {
  if (n == 0) longjmp(deep, (int) (acc % 1000) + 1);
  return recurse(n - 1, acc * 3 % 1000003 + n) + 1;
}

static jmp_buf sortEnv;
static int compares;
static int compare(const void *a, const void *b) {
  int x = *(const int *) a, y = *(const int *) b;
  if (++compares == 20) longjmp(sortEnv, x + y);
  return (x > y) - (x < y);
}

static jmp_buf loopEnv;
static void step(int i) {
  switch (i % 4) {
    case 0: break;
    case 1:
      for (int j = 0; j < 10; j++) {
        if (j == i) longjmp(loopEnv, i);
      }
      break;
    default:
      while (i > 0) {
        if (--i == 2) longjmp(loopEnv, 100 + i);
      }
  }
}

static jmp_buf retryEnv;
static int attempts;
static int flaky(void) {
  if (++attempts < 5) longjmp(retryEnv, attempts);
  return attempts * 11;
}

int main(void) {
  nested();

  int r = setjmp(deep);
  if (r == 0) recurse(5000, 1);
  else printf("deep recursion: %d\n", r);

  int values[64];
  for (int i = 0; i < 64; i++) values[i] = (i * 37) % 64;
  if (!setjmp(sortEnv)) {
    qsort(values, 64, sizeof values[0], compare);
    printf("sorted?\n");
  } else {
    printf("qsort left after %d compares\n", compares);
  }

  volatile int i = 0;
  switch (setjmp(loopEnv)) {
    case 0: break;
    default: printf("loop left at %d\n", i);
  }
  while (i < 12) {
    i++;
    step(i);
  }

  int got;
  (void) setjmp(retryEnv);
  got = attempts < 5 ? flaky() : -1;
  printf("retry: %d after %d attempts\n", got, attempts);

  jmp_buf zero;
  int seen = 0;
  if (setjmp(zero) == 0) longjmp(zero, 0);
  else seen = 1;
  printf("longjmp(env, 0) gives setjmp 1: %d\n", seen);

  static jmp_buf loops;
  int rounds = 0;
  while (setjmp(loops) < 3) {
    if (++rounds > 10) break;
    longjmp(loops, rounds);
  }
  printf("while rounds %d\n", rounds);
  int k;
  for (k = 0; setjmp(loops) != 2; k += 10) {
    k++;
    if (k < 5) longjmp(loops, k == 4 ? 2 : 1);
  }
  printf("for k %d\n", k);
  int d = 0;
  do {
    d++;
    if (d == 2) longjmp(loops, d);
    if (d == 4) longjmp(loops, 7);
  } while (setjmp(loops) < 4);
  printf("do d %d\n", d);
  return 0;
}
