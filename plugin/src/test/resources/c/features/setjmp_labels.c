/* setjmp sites among goto labels: a site headed by a label, a site in a labeled block, gotos
   into nested labeled blocks (a label inside another label's statement) and a longjmp from
   the function that called setjmp. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

static void raise(int v) {
  longjmp(env, v);
}

int main(void) {
  int n = 0;
  goto inner;
outer: {
    n += 1;
inner:
    n += 10;
  }
  printf("n=%d\n", n);
  if (n < 30) goto outer;

  volatile int round = 0;
again:
  if (setjmp(env) < 3) {
    round++;
    if (round < 6) raise(round);
  }
  printf("round %d\n", round);
  if (round < 7) {
    round = 10;
    goto again;
  }

  volatile int hits = 0;
block: {
    hits++;
    switch (setjmp(env)) {
      case 0:
        if (hits < 3) longjmp(env, hits);
        break;
      case 1:
        goto block;
      default:
        printf("case %d\n", hits);
        hits += 100;
    }
  }
  printf("hits %d\n", hits);
  return 0;
}
