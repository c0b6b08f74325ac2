/* GNU extensions: x ?: y (x evaluated once) and statement expressions ({ ...; v; }). */
#include <stdio.h>
#include <string.h>

static int calls;
static int next(int v) {
  calls++;
  return v;
}

struct pair {
  int a, b;
};

#define MAX(x, y) ({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x > _y ? _x : _y; })
#define SWAP(x, y) ({ int _t = (x); (x) = (y); (y) = _t; })

static int sum_to(int n) {
  return ({
    int s = 0;
    for (int i = 1; i <= n; i++) s += i;
    s;
  });
}

static int first_negative(const int *v, int n) {
  int found = -1;
  for (int i = 0; i < n; i++) {
    int x = ({
      if (v[i] >= 0) continue;
      v[i];
    });
    found = x;
    break;
  }
  return found;
}

static int early(int x) {
  int y = ({
    if (x > 10) return -x;
    x * 2;
  });
  return y + 1;
}

int main(void) {
  /* ?: */
  calls = 0;
  int a = next(5) ?: next(7);
  printf("%d %d\n", a, calls);
  calls = 0;
  int b = next(0) ?: next(7);
  printf("%d %d\n", b, calls);
  const char *s = NULL;
  const char *t = s ?: "default";
  printf("%s %s\n", t, "given" ?: "x");
  double d = 0.0 ?: 2.5;
  double e = 1.5 ?: 2.5;
  printf("%g %g\n", d, e);
  long long big = 0x100000000LL ?: 1;
  printf("%lld %d\n", big, 0 ?: 0 ?: 3);
  int i = 0;
  int c = i++ ?: i++ ?: 42;
  printf("%d %d\n", c, i);
  unsigned char uc = 200;
  printf("%d\n", (uc ?: 1) + 100);
  enum { K = 3 ?: 4 };
  static int arr[2 ?: 9];
  printf("%d %d\n", K, (int)(sizeof arr / sizeof arr[0]));
  int *p = &a;
  printf("%d\n", *(p ?: &b));

  /* statement expressions */
  int m = MAX(3, next(9));
  double md = MAX(2.5, 1.0);
  printf("%d %g\n", m, md);
  int u = 1, v = 2;
  SWAP(u, v);
  printf("%d %d\n", u, v);
  printf("%d %d\n", sum_to(10), sum_to(0));
  int vals[] = {3, 4, -5, 6, -7};
  printf("%d %d\n", first_negative(vals, 5), first_negative(vals, 2));
  printf("%d %d\n", early(3), early(20));
  struct pair pr = ({
    struct pair q = {1, 2};
    q.b += 10;
    q;
  });
  printf("%d %d %d\n", pr.a, pr.b, ({ struct pair z = {7, 8}; z; }).b);
  int w = 10 + ({ int k = 4; k * k; }) * 2;
  printf("%d\n", w);
  ({ printf("void statement expression\n"); });
  int nested = ({ int o = 1; ({ int o2 = o + 1; o2 * 10; }) + o; });
  printf("%d\n", nested);
  char buf[16];
  strcpy(buf, ({ const char *msg = "hi"; msg; }));
  printf("%s %d\n", buf, ({ 5; }) ?: 6);
  int total = 0;
  for (int j = 0; j < 5; j++) total += ({ int sq = j * j; if (j == 3) sq = 0; sq; });
  printf("%d\n", total);
  int cond = 1;
  printf("%d\n", cond ? ({ int z = 3; z + 1; }) : ({ 9; }));
  return 0;
}
