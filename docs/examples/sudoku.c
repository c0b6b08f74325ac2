/*
 * Sudoku solver: depth-first backtracking over candidate bitmasks.
 *
 * Each row, column and 3x3 box keeps a 9-bit mask of the digits it already holds, and
 * each cell points at the masks of its three units, so the candidates of a cell are the
 * digits missing from all three. At every step the solver fills the empty cell with the
 * fewest candidates (a forced cell when there is one) and backtracks when some cell has
 * none left.
 *
 * The puzzle is read from stdin (81 cells, digits 1-9 and '.' or '0' for empty, anything
 * else ignored); with no input it solves the built-in puzzle. Exit status: 0 solved,
 * 1 no solution, 2 malformed input.
 */
#include <stdio.h>

#define ALL_DIGITS 0x1FF

/* "AI Escargot", published by Arto Inkala in 2006 as the hardest sudoku of its day. */
static const char BUILT_IN[] =
    "1....7.9."
    ".3..2...8"
    "..96..5.."
    "..53..9.."
    ".1..8...2"
    "6....4..."
    "3......1."
    ".4......7"
    "..7...3..";

struct cell {
  int digit;              /* 0 when empty */
  int *row, *col, *box;   /* the used-digit masks of the cell's three units */
};

struct sudoku {
  struct cell cells[81];
  int row[9], col[9], box[9];   /* bit d-1 is set when digit d is used in the unit */
  struct cell *empty[81];       /* the cells still to fill are empty[0 .. left-1] */
  int left;
  int placements;               /* digits written by the search */
  int dead_ends;                /* cells found with no candidate */
};

/* How many bits each 9-bit mask has set. */
static unsigned char bit_count[512];

static void fill_bit_count(void) {
  /* m has the bits of m >> 1, and its lowest bit. */
  for (int m = 1; m < 512; m++) bit_count[m] = bit_count[m >> 1] + (m & 1);
}

static int candidates(const struct cell *c) {
  return ALL_DIGITS & ~(*c->row | *c->col | *c->box);
}

static void place(struct cell *c, int digit) {
  int bit = 1 << (digit - 1);
  c->digit = digit;
  *c->row |= bit;
  *c->col |= bit;
  *c->box |= bit;
}

static void clear(struct cell *c) {
  int keep = ~(1 << (c->digit - 1));
  *c->row &= keep;
  *c->col &= keep;
  *c->box &= keep;
  c->digit = 0;
}

/* Fills every empty cell; returns 1 on success, 0 (with the board restored) if impossible. */
static int solve(struct sudoku *s) {
  if (s->left == 0) return 1;

  int best = 0, best_count = 10, best_mask = 0;
  for (int k = 0; k < s->left; k++) {
    int mask = candidates(s->empty[k]);
    int n = bit_count[mask];
    if (n < best_count) {
      best = k;
      best_count = n;
      best_mask = mask;
      if (n <= 1) break;  /* nothing beats a forced or an impossible cell */
    }
  }
  if (best_count == 0) {
    s->dead_ends++;
    return 0;
  }

  /* Move the chosen cell to the end of the list, so that the rest stays contiguous. */
  struct cell *c = s->empty[best];
  s->left--;
  s->empty[best] = s->empty[s->left];
  s->empty[s->left] = c;

  /* Try the candidates in increasing order, taking the lowest set bit each time. */
  for (int rest = best_mask; rest != 0; rest &= rest - 1) {
    int below = (rest & -rest) - 1;  /* the bits under the lowest one */
    place(c, bit_count[below] + 1);
    s->placements++;
    if (solve(s)) return 1;
    clear(c);
  }
  s->left++;
  return 0;
}

/* Sets up the board from 81 characters; returns 0 if two givens clash. */
static int load(struct sudoku *s, const char *text) {
  for (int u = 0; u < 9; u++) s->row[u] = s->col[u] = s->box[u] = 0;
  s->left = s->placements = s->dead_ends = 0;
  for (int i = 0; i < 81; i++) {
    struct cell *c = &s->cells[i];
    int r = i / 9, col = i % 9;
    c->digit = 0;
    c->row = &s->row[r];
    c->col = &s->col[col];
    c->box = &s->box[r / 3 * 3 + col / 3];
    int digit = text[i] >= '1' && text[i] <= '9' ? text[i] - '0' : 0;
    if (digit == 0) {
      s->empty[s->left++] = c;
    } else if (candidates(c) & (1 << (digit - 1))) {
      place(c, digit);
    } else {
      return 0;
    }
  }
  return 1;
}

/* Reads up to 81 cells from stdin; returns how many it found. */
static int read_puzzle(char *text) {
  int n = 0, ch;
  while (n < 81 && (ch = getchar()) != EOF) {
    if (ch >= '1' && ch <= '9') text[n++] = (char)ch;
    else if (ch == '.' || ch == '0') text[n++] = '.';
  }
  return n;
}

static void print_board(const struct sudoku *s) {
  for (int r = 0; r < 9; r++) {
    if (r == 3 || r == 6) printf("------+-------+------\n");
    for (int col = 0; col < 9; col++) {
      if (col == 3 || col == 6) printf("| ");
      int digit = s->cells[r * 9 + col].digit;
      putchar(digit ? '0' + digit : '.');
      putchar(col == 8 ? '\n' : ' ');
    }
  }
}

int main(void) {
  static struct sudoku s;
  char text[81];
  fill_bit_count();
  int n = read_puzzle(text);
  if (n == 0) {
    for (int i = 0; i < 81; i++) text[i] = BUILT_IN[i];
  } else if (n < 81) {
    printf("expected 81 cells, read %d\n", n);
    return 2;
  }
  if (!load(&s, text)) {
    printf("the givens contradict each other\n");
    return 2;
  }

  printf("puzzle (%d givens):\n", 81 - s.left);
  print_board(&s);
  int solved = solve(&s);
  printf("\n%s after %d placements and %d dead ends:\n", solved ? "solved" : "no solution",
         s.placements, s.dead_ends);
  if (solved) print_board(&s);
  return solved ? 0 : 1;
}
