#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Echoes its arguments (not argv[0], whose spelling differs between hosts) and sums them. */
int main(int argc, char **argv) {
  long total = 0;
  size_t chars = 0;
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; i++) {
    printf("[%s]", argv[i]);
    total += atoi(argv[i]);
    chars += strlen(argv[i]);
  }
  printf("\nsum=%ld chars=%u last=%s\n", total, (unsigned) chars, argv[argc - 1] == argv[0] ? "-" : argv[argc - 1]);
  return argv[argc] == NULL ? argc : 99;
}
