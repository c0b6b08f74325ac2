// stderr (fd 2) next to stdout: two streams, natively and on the transformer.
#include <stdio.h>

int main(void) {
  fputs("to stdout\n", stdout);
  fflush(stdout);
  fputs("to stderr\n", stderr);
  fputs("stdout again\n", stdout);
  fflush(stdout);
  fputc('!', stderr);
  fputc('\n', stderr);
  return 3;
}
