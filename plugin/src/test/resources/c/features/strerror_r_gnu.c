/* strerror_r, the GNU form (_GNU_SOURCE): glibc's own text, or "Unknown error N" in the buffer. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void show(int e, size_t n) {
  char buf[64];
  memset(buf, '#', sizeof buf);
  buf[sizeof buf - 1] = 0;
  errno = 0;
  char *r = strerror_r(e, buf, n);
  printf("%d/%zu: %s errno=%d \"%s\" buf=\"%s\"\n", e, n, r == buf ? "buf" : "text", errno, r, buf);
}

int main(void) {
  int values[] = {0, EOVERFLOW, 133, 134, 41, -1, 1000, -2147483647 - 1};
  size_t sizes[] = {1, 2, 8, 15, 16, 63};
  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
    for (size_t j = 0; j < sizeof sizes / sizeof sizes[0]; j++) show(values[i], sizes[j]);
  return 0;
}
