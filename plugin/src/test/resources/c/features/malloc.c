#include <stdlib.h>
#include <string.h>
#include "test.h"

struct node {
  int value;
  struct node *next;
};

int main(void) {
  int *a = malloc(100 * sizeof(int));
  ASSERT(1, a != NULL);
  for (int i = 0; i < 100; i++) a[i] = i;
  int s = 0;
  for (int i = 0; i < 100; i++) s += a[i];
  ASSERT(4950, s);
  a = realloc(a, 200 * sizeof(int));
  ASSERT(99, a[99]);
  for (int i = 100; i < 200; i++) a[i] = i;
  ASSERT(199, a[199]);
  free(a);
  int *z = calloc(50, sizeof(int));
  int zeros = 0;
  for (int i = 0; i < 50; i++) zeros += z[i] == 0;
  ASSERT(50, zeros);
  free(z);
  struct node *head = NULL;
  for (int i = 0; i < 1000; i++) {
    struct node *n = malloc(sizeof *n);
    n->value = i;
    n->next = head;
    head = n;
  }
  long long total = 0;
  int count = 0;
  while (head) {
    struct node *next = head->next;
    total += head->value;
    count++;
    free(head);
    head = next;
  }
  ASSERT(1000, count);
  ASSERT64(499500, total);
  char *blocks[20];
  for (int round = 0; round < 5; round++) {
    for (int i = 0; i < 20; i++) {
      blocks[i] = malloc((size_t)(i * 37 % 200 + 1));
      memset(blocks[i], i, (size_t)(i * 37 % 200 + 1));
    }
    for (int i = 0; i < 20; i += 2) free(blocks[i]);
    for (int i = 1; i < 20; i += 2) {
      ASSERT(i, blocks[i][0]);
      free(blocks[i]);
    }
  }
  ASSERT(1, malloc(0) != NULL);
  return DONE();
}
