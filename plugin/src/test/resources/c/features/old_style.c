/* Old-style (K&R) function definitions: identifier lists, declarations before the body,
   promoted parameters converted on entry, implicit int, arrays and functions as pointers. */
#include <stdio.h>
#include <string.h>

int later();                 /* no prototype: called before its definition */
double scale();

static int sum(a, b, c)
int a;
short b;
char c;
{
  return a + b + c;
}

double scale(x, factor)
float x;
double factor;
{
  return x * factor;   /* x is a float: the double passed is rounded on entry */
}

int implicit(n, m)    /* m is not declared: it is an int */
register int n;
{
  return n * 10 + m;
}

static int count(s, table, f)
char *s;
int table[];
int (*f)();
{
  int k = 0;
  while (*s) k += table[(unsigned char)*s++ % 4];
  return f(k);
}

static int twice(v) int v; { return 2 * v; }

unsigned char narrow(u) unsigned char u; { u += 200; return u; }

int later(a, b) long a, b; { return (int)(a - b); }

struct pair { int x, y; };
static int area(p, q) struct pair p; struct pair *q; { return p.x * q->y + p.y * q->x; }

static int fact(n) int n; { return n <= 1 ? 1 : n * fact(n - 1); }

int main(void) {
  int table[4] = {1, 2, 3, 4};
  struct pair p = {3, 4}, q = {5, 6};
  printf("%d %d\n", sum(1, 2, 3), sum(100000, 70000, 300));   /* b and c narrowed on entry */
  printf("%.17g %.17g\n", scale(0.1, 3.0), scale(1e-50, 1.0));
  printf("%d %d\n", implicit(4, 2), later(10L, 3L));
  printf("%d %u\n", count("hello", table, twice), narrow(100));
  printf("%d %d\n", area(p, &q), fact(10));
  int (*fp)() = sum;
  printf("%d\n", fp(5, 6, 7));
  return 0;
}
