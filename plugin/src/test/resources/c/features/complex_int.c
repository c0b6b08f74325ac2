/* GNU complex integer types: _Complex int and the other integer types, integer imaginary
   constants (2i, 3ui, 4lli), arithmetic in the part type (a product by the plain formula, a
   quotient by Smith's method in integers, as gcc computes them), conversions, __real__ and
   __imag__, creal & co., equality, truth, ++/--, compound assignment, result types by _Generic,
   static initializers, members, parameters and results. (No long: its width differs.) */
#include <complex.h>
#include <stdio.h>

#define TYPE(e) _Generic((e), _Complex char: "complex char", _Complex signed char: "complex signed char", \
    _Complex unsigned char: "complex unsigned char", _Complex short: "complex short", \
    _Complex unsigned short: "complex unsigned short", _Complex int: "complex int", \
    _Complex unsigned: "complex unsigned", _Complex long long: "complex long long", \
    _Complex unsigned long long: "complex unsigned long long", _Complex float: "complex float", \
    _Complex double: "complex double", char: "char", unsigned char: "unsigned char", short: "short", \
    int: "int", unsigned: "unsigned", long long: "long long", double: "double", default: "other")

#define SHOW(z) printf("%-28s %lld %lld\n", #z, (long long)__real__(z), (long long)__imag__(z))

struct point {
  char tag;
  _Complex short at;
  _Complex long long big;
};

static _Complex int product = (3 + 4i) * (2 - 5i);
static _Complex int quotient = (100 + 37i) / (-7 + 3i);
static _Complex unsigned char bytes[3] = {200 + 100i, (_Complex unsigned char)(300 + 2i), 7i};
static struct point origin = {'o', 3 - 2i, 5000000000LL + 3lli};
static _Complex int sum = 1 + 2i + 3 * (4 - 1i);

static _Complex int twice(_Complex int z) { return z * 2; }
static _Complex long long widen(_Complex short z) { return z; }
static int counter;
static _Complex int counted(_Complex int z) {
  counter++;
  return z;
}

int main(void) {
  _Complex int a = 100 + 37i, b = -7 + 3i;
  _Complex char c = 100 + 100i;
  _Complex short s = -3 + 9i;
  _Complex unsigned u = 5 - 2i;
  _Complex long long w = 3000000000LL + 4i;
  _Complex unsigned long long uw = 1ull << 40;

  printf("%s | %s | %s | %s | %s | %s\n", TYPE(2i), TYPE(2ui), TYPE(2lli), TYPE(2ulli), TYPE(c + c), TYPE(c + s));
  printf("%s | %s | %s | %s | %s | %s\n", TYPE(c + 1), TYPE(s + (short)1), TYPE(u + a), TYPE(a + 1.0), TYPE(a * 1.0f),
         TYPE(-c));
  printf("%s | %s | %s | %s | %s\n", TYPE(__real__ c), TYPE(__imag__ u), TYPE(a == b), TYPE(c ? c : s), TYPE(~s));
  printf("%d %d %d %d %d\n", (int)sizeof c, (int)sizeof s, (int)sizeof a, (int)sizeof w, (int)_Alignof(_Complex short));

  SHOW(a + b);
  SHOW(a - b);
  SHOW(a * b);
  SHOW(a / b);
  SHOW(b / a);
  SHOW((7 + 3i) / (2 - 5i));
  SHOW((-7 - 3i) / (5 + 5i));
  SHOW((9 + 4i) / (0 + 2i));
  SHOW((9 + 4i) / (3 + 0i));
  SHOW(c * c);
  SHOW(c / (_Complex char)(3 + 1i));
  SHOW(s * s);
  SHOW(u * u);
  SHOW(u / (1 + 1i));
  SHOW(w * w);
  SHOW(w / (1000 - 3i));
  SHOW(uw * (3 + 2i));
  SHOW(uw / 3);
  SHOW(a * 3);
  SHOW(3 * a);
  SHOW(a / 4);
  SHOW(1000 / a);
  SHOW(5 - a);
  SHOW(-a);
  SHOW(~a);
  SHOW(+s);
  SHOW(product);
  SHOW(quotient);
  SHOW(sum);
  for (int k = 0; k < 3; k++) SHOW(bytes[k]);
  SHOW(origin.at);
  SHOW(origin.big);
  SHOW(twice(b));
  SHOW(widen(s));

  /* conversions */
  double complex d = a;
  printf("%g %g\n", creal(d), cimag(d));
  printf("%g %g %g %g\n", creal(b), cimag(b), crealf(s), (double)cimagl(u));
  _Complex int back = 2.75 - 3.5i;
  SHOW(back);
  int re = a;
  double dr = b;
  _Bool t1 = 0 + 1i, t0 = 0 + 0i;
  printf("%d %g %d %d\n", re, dr, t1, t0);
  _Complex char narrow = a;
  SHOW(narrow);
  printf("%g %g\n", creal(a / 2.0), cimag(a * 0.5));

  /* equality and truth */
  printf("%d %d %d %d %d\n", a == 100 + 37i, a != b, a == 100, (_Complex int)5 == 5, !(0 * a));
  if (b) printf("b is true\n");
  if (!(a - a)) printf("a - a is false\n");
  printf("%d %d\n", a && 0, 3i || 0);

  /* lvalues, assignment, steps */
  __real__ a = 1;
  __imag__ a += 5;
  SHOW(a);
  a += 2i;
  a *= 1 + 1i;
  a -= 3;
  a /= 2 + 1i;
  SHOW(a);
  int k = 10;
  k += 3 + 4i; /* the real part */
  printf("%d\n", k);
  _Complex int old = a++;
  SHOW(old);
  SHOW(a);
  old = ++a;
  SHOW(old);
  --c;
  SHOW(c);
  _Complex int *p = &a;
  __imag__ *p = -9;
  SHOW(*p);

  /* each operand evaluated once */
  counter = 0;
  _Complex int e = counted(a) * counted(b) + counted(a) / counted(b);
  SHOW(e);
  printf("%d calls\n", counter);
  return 0;
}
