// Every POSIX and GNU header of the libc in one program that uses only standard C: each must
// compile cleanly beside the others and the standard ones.
#include <alloca.h>
#include <byteswap.h>
#include <endian.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <memory.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/param.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

struct item {
  int id;
  char name[12];
};

static int compare(const void *a, const void *b) {
  return ((const struct item *)a)->id - ((const struct item *)b)->id;
}

int main(void) {
  struct item items[3] = {{3, "three"}, {1, "one"}, {2, "two"}};
  qsort(items, 3, sizeof items[0], compare);
  for (int i = 0; i < 3; i++) printf("%d %s\n", items[i].id, items[i].name);
  char *copy = malloc(16);
  memcpy(copy, "headers", 8);
  printf("%s %zu\n", copy, strlen(copy));
  free(copy);
  return 0;
}
