/* strerror_r, the XSI form (gcc's default for C: no _GNU_SOURCE): glibc's texts, cut to the
   buffer with ERANGE, EINVAL for a value with no text. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static void show(int e, size_t n) {
  char buf[64];
  memset(buf, '#', sizeof buf);
  errno = 0;
  int r = strerror_r(e, buf, n);
  buf[sizeof buf - 1] = 0;
  printf("%d/%zu: r=%d errno=%d \"%s\"\n", e, n, r, errno, buf);
}

int main(void) {
  int values[] = {0, 1, EOVERFLOW, ENOTRECOVERABLE, 133, 134, 41, -1, 1000, -2147483647 - 1};
  size_t sizes[] = {0, 1, 2, 8, 14, 15, 16, 63};
  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
    for (size_t j = 0; j < sizeof sizes / sizeof sizes[0]; j++) show(values[i], sizes[j]);
  int (*f)(int, char *, size_t) = strerror_r;
  char small[4];
  printf("%d \"%s\"\n", f(EPERM, small, sizeof small), small);
  return 0;
}
