// status: 7
#include <stdio.h>
#include <stdlib.h>

static int depth(int n) {
  if (n == 0) {
    printf("exiting\n");
    exit(7);
  }
  int r = depth(n - 1);
  printf("never printed %d\n", r);
  return r;
}

int main(void) {
  printf("start\n");
  depth(5);
  printf("not reached\n");
  return 0;
}
