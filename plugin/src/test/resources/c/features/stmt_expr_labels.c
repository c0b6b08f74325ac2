/* Labels, gotos and switches inside GNU statement expressions. */
#include "test.h"

/* a loop made of a label and a goto, inside an expression; a local label, so the macro can be used twice */
#define SUM_TO(n) ({ __label__ again; int i_ = 0, s_ = 0; again: s_ += i_; if (++i_ <= (n)) goto again; s_; })

static int classify(int v) {
  return 100 + ({
    int r;
    switch (v) {
      case 0: r = 10; break;
      case 1:
      case 2: r = 20; break;
      case 3 ... 5: r = 30; break;
      default: r = 40;
    }
    r;
  });
}

static int first_negative(const int *a, int n) {
  int found = ({
    int k = 0;
    for (; k < n; k++)
      if (a[k] < 0) goto done;
    k = -1;
  done:
    k;   /* the value of a labeled last statement */
  });
  return found;
}

static int leave_early(int x) {
  int r = ({
    if (x > 5) goto big;  /* from a statement expression to a label outside it */
    x * 2;
  });
  return r;
big:
  return -x;
}

static int nested(int x) {
  return ({
    int a = ({ int b = x; inner: if (b < 10) { b += 3; goto inner; } b; });
    outer: if (a < 100) { a *= 2; goto outer; }
    a;
  });
}

static int duff(int count) {
  int copied = 0;
  int n = (count + 3) / 4;
  int left = ({
    switch (count % 4) {
      case 0: do { copied++;
      case 3: copied++;
      case 2: copied++;
      case 1: copied++;
              } while (--n > 0);
    }
    copied;
  });
  return left;
}

int main(void) {
  ASSERT(55, SUM_TO(10));
  ASSERT(0, SUM_TO(0));
  ASSERT(3 * 55 + 1, SUM_TO(10) * 3 + ({ int z = 0; z++; goto skip; z = 100; skip: z; }));
  for (int v = -1; v <= 7; v++) printf("%d ", classify(v));
  printf("\n");
  int a[] = {3, 1, -4, 1, -5};
  ASSERT(2, first_negative(a, 5));
  ASSERT(-1, first_negative(a, 2));
  ASSERT(6, leave_early(3));
  ASSERT(-9, leave_early(9));
  ASSERT(160, nested(1));
  ASSERT(120, nested(60));
  for (int c = 1; c <= 9; c++) printf("%d ", duff(c));
  printf("\n");
  /* a statement expression in a switch of its own, with labels in a loop around it */
  int total = 0;
  for (int i = 0; i < 6; i++) {
    switch (i) {
      case 1: total += ({ int t = 0; loop: t++; if (t < i) goto loop; t; }); break;
      case 4: total += ({ switch (i) { case 4: 40; default: 0; } 7; }); break;
      default: total += 1000;
    }
  }
  ASSERT(4008, total);
  /* local labels shadow the function's and the enclosing blocks' */
  int hops = 0;
  {
    __label__ out, back;
    int k = 0;
  back:
    if (++k < 3) goto back;
    hops += k;
    {
      __label__ back;
      goto back;
      hops = -1000;
    back:
      hops += 10;
    }
    goto out;
    hops = -1000;
  out:;
  }
  goto back;
  hops = -1000;
back:
  ASSERT(13, hops);
  return DONE();
}
