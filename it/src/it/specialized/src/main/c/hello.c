#include <stdio.h>

/* A whole program: its output and exit status come back as a RunResult. */
int main(void) {
  printf("hi from %s\n", "C");
  return 7;
}
