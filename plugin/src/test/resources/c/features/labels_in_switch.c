#include "test.h"

static int state_machine(const char *input) {
  int state = 0, accepted = 0;
  for (const char *p = input; *p; p++) {
    switch (state) {
      case 0:
        if (*p == 'a') state = 1;
        break;
      case 1:
        if (*p == 'b') state = 2;
        else if (*p != 'a') state = 0;
        break;
      case 2:
        if (*p == 'c') {
          accepted++;
          goto reset;
        }
        state = *p == 'a' ? 1 : 0;
        break;
      reset:
      default:
        state = 0;
        break;
    }
  }
  return accepted;
}

static int retry(int limit) {
  int tries = 0;
start:
  tries++;
  switch (tries) {
    case 1:
    case 2:
      goto start;
    default:
      if (tries < limit) goto start;
  }
  return tries;
}

static int duff_like(int n) {
  int count = 0;
  int i = 0;
loop:
  if (i >= n) goto out;
  switch (i % 3) {
    case 0: count += 1; /* fall through */
    case 1: count += 10; break;
    case 2: count += 100; break;
  }
  i++;
  goto loop;
out:
  return count;
}

int main(void) {
  ASSERT(2, state_machine("xxabcabaabc"));
  ASSERT(0, state_machine("acb"));
  ASSERT(5, retry(5));
  ASSERT(3, retry(1));
  ASSERT(1 + 10 + 10 + 100 + 1 + 10 + 10, duff_like(5));
  return DONE();
}
