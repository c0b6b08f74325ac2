#include <stdio.h>

/* A command-line program: its arguments are given when it runs, not when it is compiled. */
int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) printf("hello, %s\n", argv[i]);
  return argc - 1;
}
