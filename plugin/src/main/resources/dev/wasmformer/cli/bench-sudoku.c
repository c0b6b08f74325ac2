/*
 * wasmformer bench --program=sudoku: the solver of docs/examples/sudoku.c (BenchPrograms puts
 * that file's definitions, up to its input and output, before this one), without its input and
 * output, solving its built-in puzzle `times` times. Returns, over all solves, the placements
 * plus 1000 times the dead ends plus a checksum of each solved grid, so that every solve must
 * really happen.
 */
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
