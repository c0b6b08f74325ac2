/*
 * rand, srand, random, srandom and rand_r give glibc's sequences: no seed (as srand(1)), seeds
 * 0 and 1 (the same), small, large and past 2^31 (negative as the generator's first word),
 * rand and random interleaved on their one state, and rand_r with its own seeds.
 */
#include <stdio.h>
#include <stdlib.h>

static void show_rand(const char *what, int count) {
  printf("%s:", what);
  for (int i = 0; i < count; i++) printf(" %d", rand());
  printf("\n");
}

int main(void) {
  show_rand("no seed", 12);
  printf("RAND_MAX %d\n", RAND_MAX);

  static const unsigned seeds[] = {0, 1, 2, 3, 42, 1000, 12345, 127773, 127774, 16807, 65536,
      2147483646u, 2147483647u, 2147483648u, 2147483649u, 3000000000u, 4000000000u, 4294967294u,
      4294967295u, 0xDEADBEEFu};
  for (int s = 0; s < (int)(sizeof seeds / sizeof seeds[0]); s++) {
    srand(seeds[s]);
    char what[32];
    sprintf(what, "srand(%u)", seeds[s]);
    show_rand(what, 10);
  }

  /* the same seed twice, and a long run: the 31 words wrap many times */
  srand(7);
  int first = rand();
  srand(7);
  printf("reseed: %d %d\n", first, rand());
  srand(99);
  unsigned sum = 0, xor = 0;
  for (int i = 0; i < 5000; i++) {
    int r = rand();
    sum += (unsigned)r;
    xor ^= (unsigned)r * (unsigned)(i + 1);
  }
  printf("5000 after srand(99): sum %u xor %u last %d\n", sum, xor, rand());

  /* random and srandom are rand and srand */
  srandom(42);
  printf("srandom(42):");
  for (int i = 0; i < 6; i++) printf(" %ld", random());
  printf("\n");
  srand(42);
  printf("interleaved:");
  for (int i = 0; i < 6; i++) {
    int r = rand(); /* one call a statement: printf's arguments have no order of evaluation */
    long q = random();
    printf(" %d %ld", r, q);
  }
  printf("\n");
  srandom(5);
  int r5 = rand();
  printf("srandom(5) then rand: %d %d\n", r5, rand());

  /* rand_r: only its own seed, which it updates */
  static const unsigned rseeds[] = {0, 1, 42, 12345, 2147483648u, 4294967295u};
  for (int s = 0; s < 6; s++) {
    unsigned seed = rseeds[s];
    printf("rand_r(%u):", seed);
    for (int i = 0; i < 8; i++) printf(" %d", rand_r(&seed));
    printf(" seed now %u\n", seed);
  }
  unsigned a = 1, b = 1;
  int ra = rand_r(&a);
  int r1 = rand();
  int rb = rand_r(&b);
  printf("rand_r leaves rand alone: %d %d %d %d\n", ra, r1, rb, rand());
  return 0;
}
