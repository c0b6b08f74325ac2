// argv through args_sizes_get/args_get; the exit status is argc.
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    fputs(argv[i], stdout);
    putchar('(');
    putchar('0' + (int) strlen(argv[i]) % 10);
    putchar(')');
    putchar(i + 1 < argc ? ' ' : '\n');
  }
  return argc;
}
