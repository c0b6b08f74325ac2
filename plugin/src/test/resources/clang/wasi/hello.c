// The smallest wasi-libc program: puts, and main's status.
#include <stdio.h>

int main(void) {
  puts("hello, world");
  return 0;
}
