/* glibc 2.32's strerrorname_np and strerrordesc_np for every errno value and a few outside */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static void show(int e) {
  const char *name = strerrorname_np(e), *desc = strerrordesc_np(e);
  printf("%d %s | %s", e, name ? name : "NULL", desc ? desc : "NULL");
  if (desc != NULL && strcmp(desc, strerror(e)) != 0) printf(" (strerror differs)");
  printf("\n");
}

int main(void) {
  for (int e = -3; e <= 136; e++) show(e);
  show(INT_MIN);
  show(INT_MAX);
  /* the aliases name their first macro */
  printf("%s %s %s\n", strerrorname_np(EWOULDBLOCK), strerrorname_np(EDEADLOCK), strerrorname_np(ENOTSUP));
  return 0;
}
