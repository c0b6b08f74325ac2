#include "test.h"

static int ackermann(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static int depth_sum(int n) {
  int local[8];
  for (int i = 0; i < 8; i++) local[i] = n;
  if (n == 0) return 0;
  return local[n % 8] + depth_sum(n - 1);
}

static void hanoi(int n, int from, int to, int via, int *moves) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to, moves);
  (*moves)++;
  hanoi(n - 1, via, to, from, moves);
}

static int queens(int row, int n, int *cols) {
  if (row == n) return 1;
  int count = 0;
  for (int c = 0; c < n; c++) {
    int ok = 1;
    for (int r = 0; r < row; r++) {
      int d = cols[r] - c;
      if (d == 0 || d == row - r || d == r - row) {
        ok = 0;
        break;
      }
    }
    if (ok) {
      cols[row] = c;
      count += queens(row + 1, n, cols);
    }
  }
  return count;
}

int main(void) {
  ASSERT(61, ackermann(3, 3));
  ASSERT(5050, depth_sum(100));
  int moves = 0;
  hanoi(10, 1, 3, 2, &moves);
  ASSERT(1023, moves);
  int cols[8];
  ASSERT(92, queens(0, 8, cols));
  return DONE();
}
