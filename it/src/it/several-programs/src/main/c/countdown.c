#include <stdio.h>

/* A C program in the same bundle as the WebAssembly modules. */
int main(void) {
  for (int i = 3; i > 0; i--) printf("%d... ", i);
  puts("liftoff");
  return 0;
}
