/*
 * _Generic tells pointed-to qualifiers apart, at every level, as gcc does: char * and
 * const char * are different (incompatible) types, also behind typedefs, members, results,
 * casts and pointer arithmetic.
 */
#include "test.h"

#define K(x) _Generic((x), char *: "char *", const char *: "const char *", volatile char *: "volatile char *", \
    const volatile char *: "const volatile char *", char **: "char **", const char **: "const char **", \
    char *const *: "char *const *", const char *const *: "const char *const *", \
    int *restrict *: "int *restrict *", int **: "int **", default: "other")

/* a string function that keeps its argument's constness, the usual use */
#define FIRST(s) _Generic((s), const char *: first_const, char *: first)(s)
static char *first(char *s) { return s; }
static const char *first_const(const char *s) { return s; }

typedef const char *cstr;
typedef char *str;
struct names { const char *name; char *buf; cstr alias; };
static const char *label(void) { return "label"; }

int main(void) {
  char buf[4] = "abc";
  char *p = buf;
  const char *c = buf;
  char const *c2 = buf;
  volatile char *v = buf;
  const volatile char *cv = buf;
  char **pp = &p;
  const char **cpp = &c;
  char *const *pcp = &p;
  const char *const *cpcp = &c;
  int i = 0, *ip = &i;
  int *restrict *rp = &ip;
  cstr t = c;
  str u = p;
  struct names n = {c, p, c};

  printf("%s | %s | %s | %s | %s\n", K(p), K(c), K(c2), K(v), K(cv));
  printf("%s | %s | %s | %s | %s | %s\n", K(pp), K(cpp), K(pcp), K(cpcp), K(rp), K(&ip));
  printf("%s | %s | %s | %s | %s | %s\n", K(t), K(u), K(n.name), K(n.buf), K(n.alias), K(label()));
  printf("%s | %s | %s | %s | %s\n", K((const char *)p), K((char *)c), K(c + 1), K(*cpp), K(*pcp));
  printf("%s | %s | %s | %s | %s\n", K("literal"), K(buf), K(&buf[1]), K(&c[1]), K(&*cpp));
  ASSERT(1, _Generic(c, char *: 0, const char *: 1));
  ASSERT(0, _Generic(p, char *: 0, const char *: 1));
  ASSERT(2, _Generic(c, char *: 0, default: 2));
  ASSERT(1, FIRST(c) == c);
  *FIRST(p) = 'x';
  ASSERT('x', buf[0]);
  return DONE();
}
