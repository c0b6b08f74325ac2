#include <stdio.h>
#include <errno.h>
#include <string.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  char head[8];
  size_t n = fread(head, 1, sizeof head, stdin);
  printf("read %zu: %.8s\n", n, head);
  int count = 0, c = 0, lines = 0;
  while (!feof(stdin)) {
    c = getchar();
    count++;
    if (c == '\n') lines++;
  }
  printf("count=%d last=%d lines=%d eof=%d err=%d\n", count, c, lines, feof(stdin) != 0, ferror(stdin));
  clearerr(stdin);
  int cleared = feof(stdin) != 0;
  int again = getchar();
  printf("after clearerr %d, getchar %d, eof %d\n", cleared, again, feof(stdin) != 0);
  errno = ENOENT;
  perror("fopen"); /* fopen itself: CCompilerTest (a WASI build would need path_open) */
  errno = ERANGE; perror(NULL);
  errno = 0; perror("ok");
  printf("%s|%s\n", strerror(EINVAL), strerror(12345));
  return 0;
}
