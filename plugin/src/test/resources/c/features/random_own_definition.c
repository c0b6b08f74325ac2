/*
 * A program's own random, drand48_r and rand_r (glibc's names and types) do not change what the
 * library's rand, drand48 and lrand48 return: as with glibc, those use the library's generators.
 */
#include <stdio.h>
#include <stdlib.h>

long random(void) {
  return 7;
}

int drand48_r(struct drand48_data *buffer, double *result) {
  (void)buffer;
  *result = 0.5;
  return 0;
}

int rand_r(unsigned *seed) {
  return (int)*seed;
}

int main(void) {
  srand(42);
  int r = rand();
  printf("rand %d, own random %ld\n", r, random());
  srand48(42);
  long l = lrand48();
  double d = drand48();
  printf("lrand48 %ld, drand48 %.17g\n", l, d);
  unsigned s = 3;
  printf("own rand_r %d\n", rand_r(&s));
  return 0;
}
