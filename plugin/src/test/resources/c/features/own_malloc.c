/*
 * A program's own malloc, free, calloc and realloc replace the library's for the library's calls
 * too, as glibc documents ("Replacing malloc"): strdup, strndup, asprintf and getline allocate
 * with the program's allocator, and the program frees with its own free what they return.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Alignas(16) unsigned char arena[24576];
static size_t used;
static int mallocs, frees;

void *malloc(size_t n) {
  size_t *block = (size_t *)(arena + used);
  size_t need = (sizeof(size_t) * 2 + n + 15) / 16 * 16;
  if (used + need > sizeof arena) return NULL;
  used += need;
  block[0] = n;
  block[1] = 0x5eed;
  mallocs++;
  return block + 2;
}

void free(void *p) {
  if (p == NULL) return;
  size_t *block = (size_t *)p - 2;
  if (block[1] != 0x5eed) {
    puts("free: not this allocator's block");
    exit(3);
  }
  frees++;
}

void *calloc(size_t count, size_t size) {
  void *p = malloc(count * size);
  if (p != NULL) memset(p, 0, count * size);
  return p;
}

void *realloc(void *p, size_t n) {
  void *q = malloc(n);
  if (q != NULL && p != NULL) {
    size_t old = ((size_t *)p)[-2];
    memcpy(q, p, old < n ? old : n);
    free(p);
  }
  return q;
}

int main(void) {
  int before = mallocs;
  char *d = strdup("duplicate");
  char *n = strndup("duplicate", 3);
  char *a = NULL;
  int len = asprintf(&a, "%s-%d", d, 7);
  int by_library = mallocs - before;
  printf("%s %s %s %d\n", d, n, a, len);
  free(d);
  free(n);
  free(a);
  /* how often depends on the library (glibc's asprintf allocates twice): at least once for each */
  printf("the library allocated with the program's malloc: %d; the program freed %d blocks\n", by_library >= 3,
         frees >= 3);
  return 0;
}
