// status: 5
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; i++) printf("arg %d: %s (%d)\n", i, argv[i], (int)strlen(argv[i]));
  printf("last is null: %d\n", argv[argc] == 0);
  return argc;
}
