/* Sorting: quicksort (median of three) with insertion sort for short runs. Not stable. */
#include <stdlib.h>

static void swap(char *a, char *b, size_t size) {
  if (a == b) return;
  if (((((unsigned long)a | (unsigned long)b | size) & 3) == 0)) {
    for (size_t i = 0; i < size; i += 4) {
      unsigned t = *(unsigned *)(a + i);
      *(unsigned *)(a + i) = *(unsigned *)(b + i);
      *(unsigned *)(b + i) = t;
    }
    return;
  }
  for (size_t i = 0; i < size; i++) {
    char t = a[i];
    a[i] = b[i];
    b[i] = t;
  }
}

static void sort(char *base, size_t count, size_t size, int (*compare)(const void *, const void *)) {
  while (count > 8) {
    char *lo = base;
    char *mid = base + (count / 2) * size;
    char *hi = base + (count - 1) * size;
    if (compare(mid, lo) < 0) swap(mid, lo, size);
    if (compare(hi, mid) < 0) {
      swap(hi, mid, size);
      if (compare(mid, lo) < 0) swap(mid, lo, size);
    }
    swap(mid, base, size); /* the pivot waits at the start */
    char *i = base + size;
    char *j = hi;
    for (;;) {
      while (i <= j && compare(i, base) < 0) i += size;
      while (i <= j && compare(j, base) > 0) j -= size;
      if (i >= j) break;
      swap(i, j, size);
      i += size;
      j -= size;
    }
    swap(base, j, size);
    size_t left = (size_t)(j - base) / size;
    size_t right = count - left - 1;
    /* Recurse into the smaller side, loop on the larger: the stack stays logarithmic. */
    if (left < right) {
      sort(base, left, size, compare);
      base = j + size;
      count = right;
    } else {
      sort(j + size, right, size, compare);
      count = left;
    }
  }
  for (size_t k = 1; k < count; k++) {
    for (char *p = base + k * size; p > base && compare(p - size, p) > 0; p -= size) {
      swap(p - size, p, size);
    }
  }
}

void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *)) {
  if (size == 0 || count < 2) return;
  sort(base, count, size, compare);
}
