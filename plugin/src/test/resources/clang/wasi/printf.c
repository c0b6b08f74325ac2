// printf with %d, %s, %x (linked with -lc-printscan-no-floating-point: no f64 code).
#include <stdio.h>

int main(int argc, char **argv) {
  printf("%d %s %x|%5d|%-4s|%08X\n", -42, "str", 0xbeef, argc, "ab", 3054);
  return 0;
}
