/* The error-handling pattern: a recursive-descent parser that longjmps to its caller on a
   syntax error or a division by zero, from any depth. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static const char *p;
static jmp_buf onError;
static char message[64];

static void fail(const char *what) {
  snprintf(message, sizeof message, "%s at '%s'", what, *p ? p : "end");
  longjmp(onError, 1);
}

static long expr(void);

static long primary(void) {
  while (*p == ' ') p++;
  if (*p == '(') {
    p++;
    long v = expr();
    while (*p == ' ') p++;
    if (*p != ')') fail("expected )");
    p++;
    return v;
  }
  if (*p == '-') {
    p++;
    return -primary();
  }
  if (*p < '0' || *p > '9') fail("expected a number");
  long v = 0;
  while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
  return v;
}

static long term(void) {
  long v = primary();
  for (;;) {
    while (*p == ' ') p++;
    char op = *p;
    if (op != '*' && op != '/' && op != '%') return v;
    p++;
    long w = primary();
    switch (op) {
      case '*': v *= w; break;
      default:
        if (w == 0) fail("division by zero");
        v = op == '/' ? v / w : v % w;
    }
  }
}

static long expr(void) {
  long v = term();
  for (;;) {
    while (*p == ' ') p++;
    if (*p == '+') { p++; v += term(); }
    else if (*p == '-') { p++; v -= term(); }
    else return v;
  }
}

static int evaluate(const char *text, long *out) {
  p = text;
  if (setjmp(onError)) return 0;
  *out = expr();
  while (*p == ' ') p++;
  if (*p) fail("unexpected text");
  return 1;
}

int main(void) {
  const char *inputs[] = {
    "1 + 2 * 3", "(1 + 2) * (3 - 4)", "10 / (5 - 5)", "2 * (3 + 4", "-(4 - 9) % 3", "12 34", "",
    "100 / 7 + 100 % 7",
  };
  int errors = 0;
  for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    long v;
    if (evaluate(inputs[i], &v)) {
      printf("%-18s = %ld\n", inputs[i], v);
    } else {
      errors++;
      printf("%-18s : %s\n", inputs[i], message);
    }
  }
  printf("%d errors\n", errors);
  return errors;
}
// status: 4
