#include <stdlib.h>
#include <string.h>
#include "test.h"

static int by_value(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int by_string(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void) {
  int a[50];
  unsigned seed = 12345;
  for (int i = 0; i < 50; i++) {
    seed = seed * 1103515245u + 12345u;
    a[i] = (int)(seed >> 16) % 1000;
  }
  qsort(a, 50, sizeof(int), by_value);
  for (int i = 1; i < 50; i++) ASSERT(1, a[i - 1] <= a[i]);
  for (int i = 0; i < 50; i++) printf("%d ", a[i]);
  printf("\n");
  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date"};
  qsort(words, 6, sizeof(words[0]), by_string);
  for (int i = 0; i < 6; i++) printf("%s ", words[i]);
  printf("\n");
  int key = a[17];
  int *found = bsearch(&key, a, 50, sizeof(int), by_value);
  ASSERT(1, found != NULL && *found == key);
  key = 5000;
  ASSERT(1, bsearch(&key, a, 50, sizeof(int), by_value) == NULL);
  return DONE();
}
