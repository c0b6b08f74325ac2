/*
 * A program's own definitions of names the libc defines too (strlen, strcpy, memcpy, abs, log,
 * fputc, putchar, atoi, ...) serve the program's calls only: as with glibc, the library's own
 * calls (printf's %s, strdup, strcat, qsort, sprintf, puts, acosh, strtol, ...) reach the
 * library's functions (and putchar the host's import). gcc at -O0 still treats some of these names
 * as its builtins in the program's own code (it computes abs and expands strcat into a call of
 * the program's strlen); so the program calls those through volatile pointers and passes values
 * computed at run time, and its output is the same with and without -fno-builtin.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each differs from the library's, so a library call reaching it would show. */
size_t strlen(const char *s) {
  (void)s;
  return 1;
}

char *strcpy(char *dest, const char *src) {
  char *d = dest;
  while (*src) *d++ = (char)(*src++ == ' ' ? '_' : src[-1]);
  *d = 0;
  return dest;
}

void *memcpy(void *dest, const void *src, size_t n) {
  (void)src;
  memset(dest, 'X', n);
  return dest;
}

int abs(int x) {
  return x * 10;
}

double log(double x) {
  return x + 1000;
}

int putchar(int c) {
  char twice[3] = {(char)c, (char)c, 0};
  fputs(twice, stdout);
  return c;
}

int fputc(int c, FILE *stream) {
  (void)stream;
  putchar('[');
  putchar(c);
  return putchar(']');
}

int atoi(const char *s) {
  (void)s;
  return -7;
}

int isdigit(int c) {
  (void)c;
  return 0;
}

/* Names a teaching program uses and a libc might have used internally. */
static int compares;

void swap(int *a, int *b) {
  int t = *a;
  *a = *b;
  *b = t;
}

int max(int a, int b) {
  return a > b ? a : b;
}

unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

static int by_value(const void *a, const void *b) {
  compares++;
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  (void)argv;
  volatile int runtime = argc; /* 1: keeps gcc from folding the program's own calls */
  char word[16] = "hello world";
  word[0] = (char)('h' + runtime - 1);

  /* The program's calls reach the program's definitions. */
  int (*volatile own_abs)(int) = abs;
  int (*volatile own_isdigit)(int) = isdigit;
  size_t (*volatile own_strlen)(const char *) = &strlen;
  printf("own strlen %zu %zu, own abs %d, own log %g, own atoi %d, own isdigit %d\n", strlen(word),
         own_strlen(word), own_abs(-3 * runtime), log(2.0 * runtime), atoi(word), own_isdigit('0' + runtime));
  char copy[16];
  strcpy(copy, word);
  printf("own strcpy %s\n", copy);
  char block[8] = "abcdefg";
  memcpy(block, word, 3 * (size_t)runtime);
  printf("own memcpy %s\n", block);
  fputc('z', stdout);
  putchar('\n');
  int a = 1, b = 2;
  swap(&a, &b);
  printf("swap %d %d, max %d, hash %u\n", a, b, max(a, b), hash(word));

  /* The library's calls reach the library's. */
  size_t (*volatile libc_strnlen)(const char *, size_t) = strnlen;
  printf("strnlen %zu\n", libc_strnlen(word, 40));
  char *d = strdup(word);
  printf("%s|%s|%.3s|%8s|\n", d, "abc", word, "ab");
  puts(d);
  fputs("fputs\n", stdout);
  char buf[64];
  int n = sprintf(buf, "%s-%d", word, 42);
  printf("sprintf %d \"%s\"\n", n, buf);
  char *(*volatile libc_strcat)(char *, const char *) = strcat;
  char *(*volatile libc_strncat)(char *, const char *, size_t) = strncat;
  char cat[32] = "head ";
  libc_strcat(cat, "and tail");
  printf("strcat \"%s\"\n", cat);
  libc_strncat(cat, "!!!", 2);
  printf("strncat \"%s\"\n", cat);
  printf("strstr \"%s\"\n", strstr(word, "wor"));
  char *dn = strndup(word, 4);
  printf("strndup \"%s\"\n", dn);
  int values[] = {5, -3, 9, 0, -8, 2};
  qsort(values, 6, sizeof values[0], by_value);
  for (int i = 0; i < 6; i++) printf("%d ", values[i]);
  printf("(compares > 0: %d)\n", compares > 0);
  int key = 9;
  int *found = bsearch(&key, values, 6, sizeof values[0], by_value);
  printf("bsearch index %d\n", found ? (int)(found - values) : -1);
  char moved[16] = "abcdefghij";
  memmove(moved + 2, moved, 5);
  printf("memmove %s\n", moved);
  printf("strtol %ld, strtod %g, sscanf ", strtol("123", NULL, 10), strtod("2.5e1", NULL));
  int x = 0, y = 0;
  int got = sscanf("31 41", "%d %d", &x, &y);
  printf("%d: %d %d\n", got, x, y);
  printf("acosh %.6f, log1p %.6f, pow %.6f, labs %ld\n", acosh(2.0 * runtime), log1p(1.0 * runtime),
         pow(2.0, 10.0 * runtime), labs(-4L * runtime));
  fprintf(stdout, "fprintf %s\n", word);
  free(d);
  free(dn);
  return 0;
}
