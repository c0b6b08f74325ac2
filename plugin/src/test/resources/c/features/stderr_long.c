// fprintf to stderr of more than the libc's 256-byte line: formatted into memory from malloc.
#include <stdio.h>
#include <string.h>

int main(void) {
  char line[301];
  memset(line, 'y', 300);
  line[300] = '\0';
  int n = fprintf(stderr, "%s|%d\n", line, 7);
  printf("fprintf wrote %d\n", n);
  return 0;
}
