#include <string.h>
#include "test.h"

static const char *greeting = "hello";
static char buffer[32];

int main(void) {
  ASSERT(5, (int)strlen(greeting));
  ASSERT(0, strcmp("abc", "abc"));
  ASSERT(1, strcmp("abd", "abc") > 0);
  ASSERT(1, strcmp("ab", "abc") < 0);
  ASSERT(0, strncmp("abcdef", "abcxyz", 3));
  strcpy(buffer, "wasm");
  strcat(buffer, "former");
  ASSERT(0, strcmp(buffer, "wasmformer"));
  ASSERT(10, (int)strlen(buffer));
  ASSERT('f', *strchr(buffer, 'f'));
  ASSERT(1, strchr(buffer, 'z') == NULL);
  ASSERT(8, (int)(strrchr(buffer, 'e') - buffer));
  ASSERT(4, (int)(strstr(buffer, "former") - buffer));
  ASSERT(1, strstr(buffer, "xyz") == NULL);
  char dst[8];
  memset(dst, 'x', sizeof dst);
  strncpy(dst, "ab", 4);
  ASSERT(0, dst[3]);
  ASSERT('x', dst[4]);
  int a[4] = {1, 2, 3, 4}, b[4];
  memcpy(b, a, sizeof a);
  ASSERT(4, b[3]);
  ASSERT(0, memcmp(a, b, sizeof a));
  b[2] = 9;
  ASSERT(1, memcmp(a, b, sizeof a) < 0);
  memmove(a + 1, a, 3 * sizeof(int));
  ASSERT(1, a[0]);
  ASSERT(1, a[1]);
  ASSERT(3, a[3]);
  char s[] = "abcdef";
  memmove(s, s + 2, 4);
  ASSERT(0, strcmp(s, "cdefef"));
  ASSERT(3, (int)strspn("aabxc", "ab"));
  ASSERT(2, (int)strcspn("abxc", "xy"));
  char *d = strdup("copy");
  ASSERT(0, strcmp(d, "copy"));
  free(d);
  ASSERT(1, sizeof("abc") == 4);
  ASSERT('c', "abc"[2]);
  const char *joined = "con" "cat" "enated";
  ASSERT(0, strcmp(joined, "concatenated"));
  char tok[] = "a,b,,c";
  int n = 0;
  for (char *t = strtok(tok, ","); t; t = strtok(NULL, ",")) n++;
  ASSERT(3, n);
  return DONE();
}
