#include "test.h"

static int forward(int x) {
  if (x > 5) goto big;
  return 1;
big:
  return 2;
}

static int backward(int n) {
  int i = 0, s = 0;
again:
  s += i;
  i++;
  if (i < n) goto again;
  return s;
}

static int out_of_loops(void) {
  int found = -1;
  for (int i = 0; i < 10; i++) {
    for (int j = 0; j < 10; j++) {
      if (i * j == 42) {
        found = i * 10 + j;
        goto done;
      }
    }
  }
done:
  return found;
}

static int cleanup(int fail) {
  int steps = 0;
  steps++;
  if (fail == 1) goto fail1;
  steps++;
  if (fail == 2) goto fail2;
  steps++;
  return steps;
fail2:
  steps += 10;
fail1:
  steps += 100;
  return steps;
}

int main(void) {
  ASSERT(1, forward(3));
  ASSERT(2, forward(9));
  ASSERT(45, backward(10));
  ASSERT(67, out_of_loops());
  ASSERT(3, cleanup(0));
  ASSERT(101, cleanup(1));
  ASSERT(112, cleanup(2));
  return DONE();
}
