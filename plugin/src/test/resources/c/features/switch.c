#include "test.h"

static int classify(int x) {
  switch (x) {
    case 0:
      return 100;
    case 1:
    case 2:
      return 200;
    case 5:
      x += 10;
      /* fall through */
    case 6:
      return x;
    default:
      return -1;
  }
}

static int dense(int x) {
  int r = 0;
  switch (x) {
    case 10: r = 1; break;
    case 11: r = 2; break;
    case 12: r = 3; break;
    case 13: r = 4; break;
    case 14: r = 5; break;
    case 16: r = 7; break;
  }
  return r;
}

static int no_default(int x) {
  int r = 5;
  switch (x) {
    case 1:
      r = 1;
  }
  return r;
}

static int count_chars(const char *s) {
  int vowels = 0, others = 0;
  for (; *s; s++) {
    switch (*s) {
      case 'a': case 'e': case 'i': case 'o': case 'u':
        vowels++;
        continue;
      default:
        others++;
    }
  }
  return vowels * 100 + others;
}

int main(void) {
  ASSERT(100, classify(0));
  ASSERT(200, classify(1));
  ASSERT(200, classify(2));
  ASSERT(15, classify(5));
  ASSERT(6, classify(6));
  ASSERT(-1, classify(7));
  ASSERT(-1, classify(-5));
  ASSERT(1, dense(10));
  ASSERT(5, dense(14));
  ASSERT(0, dense(15));
  ASSERT(7, dense(16));
  ASSERT(0, dense(100));
  ASSERT(0, dense(-100));
  ASSERT(1, no_default(1));
  ASSERT(5, no_default(2));
  ASSERT(504, count_chars("education"));
  long long big = 5000000000LL;
  int r = 0;
  switch (big) {
    case 5000000000LL: r = 1; break;
    case 1: r = 2; break;
  }
  ASSERT(1, r);
  return DONE();
}
