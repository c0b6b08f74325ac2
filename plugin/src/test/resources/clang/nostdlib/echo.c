// Copies stdin to stdout, upper-casing letters and numbering lines; the status counts the bytes read.
#include "io.h"

MAIN {
  int c, count = 0, line = 1, start = 1;
  while ((c = getchar()) != EOF) {
    if (start) {
      print_int(line++);
      print_str(": ");
      start = 0;
    }
    putchar(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (c == '\n') start = 1;
    count++;
  }
  return count;
}
