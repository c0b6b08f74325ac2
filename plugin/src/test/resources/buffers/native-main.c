/* The native reference: runs the exports of buffers.c on the bytes of stdin. */
#include <string.h>
#include "buffers.c"

int main(void) {
  static unsigned char buf[4096];
  int n = (int) fread(buf, 1, sizeof buf, stdin);
  printf("checksum %u\n", checksum(buf, n));
  upcase((char *) buf, n);
  printf("upcase ");
  fwrite(buf, 1, (size_t) n, stdout);
  printf("\n");
  int xs[256];
  int m = n / 4;
  memcpy(xs, buf, 4 * (size_t) m);
  int moves = sort_ints(xs, m);
  printf("sort %d", moves);
  for (int i = 0; i < m; i++) printf(" %d", xs[i]);
  printf("\n");
  char dst[8];
  memset(dst, 0, sizeof dst);
  int k = reverse_into((const char *) buf, n, dst, (int) sizeof dst);
  printf("\nreverse %d ", k);
  fwrite(dst, 1, sizeof dst, stdout);
  printf("\n");
  return 0;
}
