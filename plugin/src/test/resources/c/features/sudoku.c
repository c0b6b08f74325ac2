/* A backtracking sudoku solver: the kind of program the transformer benchmarks run. */
#include <stdio.h>

static int grid[81];

static int allowed(int pos, int v) {
  int row = pos / 9, col = pos % 9;
  for (int i = 0; i < 9; i++) {
    if (grid[row * 9 + i] == v || grid[i * 9 + col] == v) return 0;
  }
  int br = row / 3 * 3, bc = col / 3 * 3;
  for (int r = br; r < br + 3; r++)
    for (int c = bc; c < bc + 3; c++)
      if (grid[r * 9 + c] == v) return 0;
  return 1;
}

static int solve(int pos) {
  while (pos < 81 && grid[pos] != 0) pos++;
  if (pos == 81) return 1;
  for (int v = 1; v <= 9; v++) {
    if (allowed(pos, v)) {
      grid[pos] = v;
      if (solve(pos + 1)) return 1;
      grid[pos] = 0;
    }
  }
  return 0;
}

int main(void) {
  const char *puzzle =
      "530070000"
      "600195000"
      "098000060"
      "800060003"
      "400803001"
      "700020006"
      "060000280"
      "000419005"
      "000080079";
  for (int i = 0; i < 81; i++) grid[i] = puzzle[i] - '0';
  if (!solve(0)) {
    printf("no solution\n");
    return 1;
  }
  for (int r = 0; r < 9; r++) {
    for (int c = 0; c < 9; c++) printf("%d%c", grid[r * 9 + c], c == 8 ? '\n' : ' ');
  }
  return 0;
}
