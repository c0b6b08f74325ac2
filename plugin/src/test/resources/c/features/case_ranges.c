/* GNU case ranges: `case low ... high:`, mixed with single labels and fall-through. */
#include "test.h"

static int classify(int c) {
  switch (c) {
    case '0' ... '9': return 1;
    case 'a' ... 'f':
    case 'A' ... 'F': return 2;
    case 'g' ... 'z': return 3;
    case -10 ... -1: return 4;
    case 1000 ... 1000: return 5;
    case 200 ... 100: return 6; /* an empty range: no label */
    default: return 0;
  }
}

static int score(unsigned char grade) {
  int points = 0;
  switch (grade) {
    case 90 ... 100: points += 4; /* fall through */
    case 80 ... 89: points += 3;
      break;
    case 0 ... 79: points = -1;
  }
  return points;
}

int main(void) {
  ASSERT(1, classify('5'));
  ASSERT(2, classify('c'));
  ASSERT(2, classify('E'));
  ASSERT(3, classify('q'));
  ASSERT(0, classify('G' + 20));
  ASSERT(4, classify(-3));
  ASSERT(5, classify(1000));
  ASSERT(0, classify(150));
  ASSERT(7, score(95));
  ASSERT(3, score(80));
  ASSERT(-1, score(12));
  ASSERT(0, score(200));
  printf("%d assertions\n", assertions);
  return 0;
}
