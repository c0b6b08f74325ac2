/* Exports that take byte buffers (C pointers), for the byte-buffer tests. */
#include <stdio.h>

__attribute__((export_name("checksum"))) unsigned checksum(const unsigned char *data, int n) {
  unsigned h = 2166136261u;
  for (int i = 0; i < n; i++) h = (h ^ data[i]) * 16777619u;
  return h;
}

__attribute__((export_name("upcase"))) void upcase(char *s, int n) {
  for (int i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') s[i] = (char) (s[i] - 'a' + 'A');
  }
}

/* Insertion sort; returns the number of moves. */
__attribute__((export_name("sort_ints"))) int sort_ints(int *xs, int n) {
  int moves = 0;
  for (int i = 1; i < n; i++) {
    int x = xs[i], j = i - 1;
    while (j >= 0 && xs[j] > x) {
      xs[j + 1] = xs[j];
      j--;
      moves++;
    }
    xs[j + 1] = x;
  }
  return moves;
}

/* Copies min(n, m) bytes of src to dst, reversed, and writes a marker to the output. */
__attribute__((export_name("reverse_into"))) int reverse_into(const char *src, int n, char *dst, int m) {
  int k = n < m ? n : m;
  for (int i = 0; i < k; i++) dst[i] = src[k - 1 - i];
  putchar('>');
  return k;
}

/* Writes into its buffer, then divides by n: traps when n is 0. */
__attribute__((export_name("scribble"))) int scribble(char *s, int n) {
  s[0] = 'X';
  return 100 / n;
}

__attribute__((export_name("scale"))) float scale(float x, int k) { return x * k; }
