/*
 * initstate and setstate as glibc's: every state size (8, 32, 64, 128, 256 bytes and those
 * between: the five kinds of generator), a size too small (NULL, EINVAL), switching between
 * states and back to where each stopped, the default state resumed, and the words glibc keeps
 * in the buffers (the first one records kind and position).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned buffers[12][80];

static void show(const char *what, int count) {
  printf("%s:", what);
  for (int i = 0; i < count; i++) printf(" %ld", random());
  printf("\n");
}

static void show_words(const unsigned *b, int count) {
  printf("  words:");
  for (int i = 0; i < count; i++) printf(" %u", b[i]);
  printf("\n");
}

int main(void) {
  /* the first call with no seed: the default state was seeded with 1 */
  char *fresh = initstate(5, (char *)buffers[0], 128);
  show("initstate(5, 128)", 8);
  char *back = setstate(fresh);
  printf("setstate returns the 128-byte buffer: %d\n", back == (char *)buffers[0]);
  show("default state, never used before", 5);

  static const unsigned sizes[] = {8, 9, 31, 32, 33, 63, 64, 100, 127, 128, 255, 256, 320};
  for (int i = 0; i < 13; i++) {
    char *b = (char *)buffers[1 + i % 11];
    char *old = initstate(i == 3 ? 0 : 1000 + i, b, sizes[i]);
    char what[48];
    sprintf(what, "initstate(size %u)", sizes[i]);
    show(what, 8);
    printf("  old is the default state: %d, first word %u\n", old == fresh, *(unsigned *)b);
    setstate(old);
  }

  /* a size under 8: NULL and EINVAL, and the state in use stays */
  srandom(3);
  long r1 = random();
  errno = 0;
  char *none = initstate(3, (char *)buffers[11], 7);
  int e = errno;
  printf("initstate(size 7): %s, EINVAL %d, then %ld (after %ld)\n", none ? "a buffer" : "NULL", e == EINVAL,
         random(), r1);
  errno = 0;
  none = setstate(NULL);
  e = errno;
  printf("setstate(NULL): %s, EINVAL %d\n", none ? "a buffer" : "NULL", e == EINVAL);

  /* switching: each state resumes where it stopped */
  char *a = (char *)buffers[1], *b = (char *)buffers[2], *c = (char *)buffers[3], *d = (char *)buffers[4];
  char *dflt = initstate(11, a, 32);
  initstate(22, b, 256);
  initstate(33, c, 8);
  initstate(44, d, 64);
  for (int round = 0; round < 4; round++) {
    char *states[] = {a, b, c, d, dflt};
    for (int s = 0; s < 5; s++) {
      char *prev = setstate(states[s]);
      char what[32];
      sprintf(what, "round %d state %d", round, s);
      show(what, 3 + s);
      printf("  previous was state %d\n", prev == a ? 0 : prev == b ? 1 : prev == c ? 2 : prev == d ? 3 : prev == dflt ? 4 : -1);
    }
  }
  setstate(a);
  srandom(0);
  show("srandom(0) on the 32-byte state", 6);
  setstate(c);
  srandom(0);
  show("srandom(0) on the 8-byte state", 6);
  srand(77);
  printf("rand on it: %d %d\n", rand(), 0);
  setstate(dflt);
  show("default again", 3);
  setstate(dflt);
  printf("first words: %u %u %u %u %u\n", *(unsigned *)a, *(unsigned *)b, *(unsigned *)c, *(unsigned *)d,
         *(unsigned *)dflt);
  show_words(buffers[1], 8);
  show_words(buffers[3], 2);

  /* a long run on the 256-byte state wraps its 63 words */
  setstate(b);
  srandom(123456789);
  unsigned sum = 0;
  for (int i = 0; i < 3000; i++) sum += (unsigned)random() ^ (unsigned)i;
  printf("3000 on the 256-byte state: %u, then %ld\n", sum, random());
  return 0;
}
