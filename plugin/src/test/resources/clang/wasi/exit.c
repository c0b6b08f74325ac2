// exit(n) deep in a call chain: stdout is flushed and the status is n (proc_exit).
#include <stdio.h>
#include <stdlib.h>

static void check(int depth) {
  if (depth == 3) {
    fputs("leaving at depth 3\n", stdout);
    fputs("partial line", stdout);
    exit(42);
  }
  check(depth + 1);
  puts("never printed");
}

int main(void) {
  puts("start");
  check(0);
  return 1;
}
