/* POSIX getline and getdelim on stdin, asprintf and vasprintf. */
#define _GNU_SOURCE /* asprintf, vasprintf */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "test.h"

static int joined(char **out, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int n = vasprintf(out, format, ap);
  va_end(ap);
  return n;
}

int main(void) {
  char *line = NULL;
  size_t size = 0;
  ssize_t n;
  int lines = 0;
  // the first lines, then fields separated by ';', then the rest by lines again
  while (lines < 3 && (n = getline(&line, &size, stdin)) != -1) {
    printf("%d: %zd [%s]\n", ++lines, n, line);
    ASSERT(1, size > (size_t)n);
    ASSERT((int)n, (int)strlen(line));
  }
  for (int i = 0; i < 3 && (n = getdelim(&line, &size, ';', stdin)) != -1; i++) printf("field %zd [%s]\n", n, line);
  while ((n = getline(&line, &size, stdin)) != -1) printf("%zd [%s]\n", n, line);
  ASSERT(-1, (int)n);
  ASSERT(1, feof(stdin) != 0);
  free(line);
  errno = 0;
  ASSERT(-1, (int)getline(NULL, &size, stdin));
  ASSERT(EINVAL, errno);
  // a buffer of the caller's grows
  char *small = malloc(2);
  size_t small_size = 2;
  ASSERT(-1, (int)getline(&small, &small_size, stdin));
  free(small);

  char *text;
  double pi = 3.14159;
  ASSERT(13, asprintf(&text, "%d-%s-%.2f|%c", 42, "abc", pi, 'z'));
  printf("%s\n", text);
  free(text);
  ASSERT(0, asprintf(&text, "%s", ""));
  ASSERT(0, text[0]);
  free(text);
  char long_word[300];
  memset(long_word, 'w', sizeof long_word - 1);
  long_word[sizeof long_word - 1] = 0;
  ASSERT(603, joined(&text, "<%s|%s>", long_word, long_word) + 2);
  ASSERT(1, text[0] == '<' && text[300] == '|' && text[601] == 0);
  free(text);

  printf("%d assertions\n", assertions);
  return 0;
}
