/* longjmp through functions returning double, long long and structs, through a call by a
   function pointer and from a small static function (expanded in place); locals keep the
   values they had at the longjmp. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

struct big { int a[5]; };

static void bail(int v) {
  if (v > 2) longjmp(env, v);
}

static double half(int v) {
  bail(v);
  return v / 2.0;
}

static long long wide(int v) {
  return (long long) half(v) * 1000000007LL;
}

static struct big fill(int v) {
  struct big b = {{v, (int) wide(v), 3, 4, 5}};
  return b;
}

static int (*op)(int);
static int through(int v) {
  return fill(v).a[0] + 1;
}

int main(void) {
  int kept = 0;
  volatile int sum = 0;
  op = through;
  for (int i = 0; i < 6; i++) {
    int r = setjmp(env);
    if (r == 0) {
      kept = i * 10;
      sum += op(i);
    } else {
      printf("i=%d r=%d kept=%d\n", i, r, kept);
    }
  }
  printf("sum %d\n", sum);
  return 0;
}
