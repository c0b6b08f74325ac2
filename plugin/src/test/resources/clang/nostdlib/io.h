// putchar and getchar: wasmformer's env imports under clang --target=wasm32 -nostdlib, libc's under gcc.
// MAIN is the entry: under clang an export named _start (clang turns `int main(void)` into a
// main(argc, argv) wrapper), under gcc main.
#ifdef __wasm__
#define MAIN __attribute__((export_name("_start"))) int start(void)
__attribute__((import_module("env"), import_name("putchar"))) int putchar(int c);
__attribute__((import_module("env"), import_name("getchar"))) int getchar(void);
#define EOF (-1)
#else
#include <stdio.h>
#define MAIN int main(void)
#endif

static void print_int(int v) {
  char digits[12];
  int n = 0;
  unsigned u = v < 0 ? 0u - (unsigned) v : (unsigned) v;
  if (v < 0) putchar('-');
  do {
    digits[n++] = (char) ('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (n > 0) putchar(digits[--n]);
}

static void print_str(const char *s) {
  while (*s) putchar(*s++);
}
