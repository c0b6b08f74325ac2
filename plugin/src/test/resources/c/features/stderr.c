// stderr is a stream of its own: fputc, fputs, fwrite and fprintf to stderr, between writes to stdout.
#include <stdio.h>
#include <string.h>

int main(void) {
  printf("out %d\n", 1);
  fputs("err one\n", stderr);
  fputc('E', stderr);
  fputc('\n', stderr);
  fputs("out two\n", stdout);
  fwrite("err three\n", 1, 10, stderr);
  int n = fprintf(stderr, "err %d %s %c\n", -42, "four", 'x');
  printf("fprintf wrote %d\n", n);
  fputc('o', stdout);
  fputc('\n', stdout);
  return 0;
}
