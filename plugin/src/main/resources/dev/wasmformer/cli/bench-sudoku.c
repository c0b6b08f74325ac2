/*
 * wasmformer bench --program=sudoku: the solver of docs/examples/sudoku.c (depth-first
 * backtracking over candidate bitmasks) without its input and output, solving its built-in
 * puzzle `times` times. Returns, over all solves, the placements plus 1000 times the dead ends
 * plus a checksum of each solved grid, so that every solve must really happen.
 */
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

__attribute__((export_name("sudoku"))) int sudoku(int times) {
  static struct sudoku s;
  fill_bit_count();
  int total = 0;
  for (int t = 0; t < times; t++) {
    if (!load(&s, BUILT_IN) || !solve(&s)) return -1;
    total += s.placements + 1000 * s.dead_ends;
    for (int i = 0; i < 81; i++) total += s.cells[i].digit * (i % 7 + 1);
  }
  return total;
}
