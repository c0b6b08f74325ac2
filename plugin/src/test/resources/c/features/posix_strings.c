/* POSIX string functions programs use: strtok_r, strcasecmp, strncasecmp (<strings.h>). */
#include <string.h>
#include <strings.h>
#include "test.h"

int main(void) {
  char text[] = "a=1;b=22;;c=333";
  char *outer, *inner;
  int pairs = 0, sum = 0;
  for (char *kv = strtok_r(text, ";", &outer); kv; kv = strtok_r(NULL, ";", &outer)) {
    char *key = strtok_r(kv, "=", &inner);
    char *value = strtok_r(NULL, "=", &inner);
    ASSERT(1, strlen(key) == 1);
    sum += atoi(value);
    pairs++;
  }
  ASSERT(3, pairs);
  ASSERT(356, sum);

  ASSERT(0, strcasecmp("Hello", "hELLO"));
  ASSERT(1, strcasecmp("apple", "Banana") < 0);
  ASSERT(1, strcasecmp("Zebra", "apple") > 0);
  ASSERT(1, strcasecmp("abc", "ABCD") < 0);
  ASSERT(0, strncasecmp("PREFIX-one", "prefix-two", 7));
  ASSERT(1, strncasecmp("PREFIX-one", "prefix-two", 8) < 0);
  ASSERT(0, strncasecmp("x", "y", 0));
  printf("%d assertions\n", assertions);
  return 0;
}
