#include "test.h"

static int sum(int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

static int grid_sum(int g[3][4]) {
  int s = 0;
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++) s += g[i][j];
  return s;
}

int global_array[10];
int initialized[] = {5, 6, 7};
int matrix[2][3] = {{1, 2, 3}, {4, 5, 6}};

int main(void) {
  int a[10];
  for (int i = 0; i < 10; i++) a[i] = i * i;
  ASSERT(285, sum(a, 10));
  ASSERT(40, sizeof(a));
  ASSERT(10, sizeof(a) / sizeof(a[0]));
  int g[3][4];
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++) g[i][j] = i * 4 + j;
  ASSERT(66, grid_sum(g));
  ASSERT(7, g[1][3]);
  ASSERT(48, sizeof(g));
  ASSERT(16, sizeof(g[0]));
  ASSERT(0, global_array[3]);
  global_array[3] = 9;
  ASSERT(9, global_array[3]);
  ASSERT(3, sizeof(initialized) / sizeof(int));
  ASSERT(18, initialized[0] + initialized[1] + initialized[2]);
  ASSERT(6, matrix[1][2]);
  ASSERT(4, *matrix[1]);
  ASSERT(2, matrix[0][1]);
  int partial[5] = {1, 2};
  ASSERT(0, partial[4]);
  ASSERT(2, partial[1]);
  int designated[6] = {[2] = 5, [4] = 7, 8};
  ASSERT(5, designated[2]);
  ASSERT(7, designated[4]);
  ASSERT(8, designated[5]);
  ASSERT(0, designated[3]);
  int flat[2][2] = {1, 2, 3, 4};
  ASSERT(3, flat[1][0]);
  char str[10] = "abc";
  ASSERT('c', str[2]);
  ASSERT(0, str[3]);
  ASSERT(0, str[9]);
  char auto_size[] = "wasm";
  ASSERT(5, sizeof(auto_size));
  int (*row)[3] = matrix;
  ASSERT(5, row[1][1]);
  ASSERT(12, (int)sizeof(*row));
  return DONE();
}
