// Reads stdin line by line (fd_read), writes each line reversed; the status counts the lines.
#include <stdio.h>
#include <string.h>

int main(void) {
  char line[64];
  int lines = 0;
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strlen(line);
    if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
    for (size_t i = 0; i < n / 2; i++) {
      char t = line[i];
      line[i] = line[n - 1 - i];
      line[n - 1 - i] = t;
    }
    puts(line);
    lines++;
  }
  int c = getchar();
  return lines * 10 + (c == EOF);
}
