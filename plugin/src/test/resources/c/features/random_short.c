/* Short enough for the transformer: glibc's rand with no seed (as srand(1)), rand_r and the 48-bit generators. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int r = rand();
  printf("%d %d\n", r, rand());
  unsigned seed = 7;
  printf("%d\n", rand_r(&seed));
  srand48(42);
  long n = lrand48();
  printf("%ld %ld\n", n, mrand48());
  union { double d; unsigned long long bits; } u = {drand48()};
  printf("%llx\n", u.bits);
  return 0;
}
