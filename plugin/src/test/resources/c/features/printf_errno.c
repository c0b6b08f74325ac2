/* glibc's %m and %#m in printf, snprintf and fprintf(stderr): errno's text or name, with width and precision. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  int codes[] = {0, EDOM, ERANGE, ENOENT, EILSEQ, 133, 200, -1, EHWPOISON};
  for (unsigned k = 0; k < sizeof codes / sizeof *codes; k++) {
    errno = codes[k];
    printf("[%m] [%#m] [%-12.5m|] [%20m]\n");
  }
  char buf[64];
  errno = ERANGE;
  int n = snprintf(buf, sizeof buf, "%m/%#m");
  printf("%d %s\n", n, buf);
  errno = EINVAL;
  fprintf(stderr, "err: %m %#m\n");
  errno = ENOMEM;
  printf("%5.3m|%-#10m|%%m\n");
  return 0;
}
