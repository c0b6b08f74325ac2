/* C99 complex types: arithmetic, conversions, equality, storage, parameters, results (against gcc). */
#include <complex.h>
#include <math.h>
#include <stdio.h>

static void show(const char *what, double complex z) {
  printf("%-22s %g %+gi\n", what, creal(z), cimag(z));
}

static void showf(const char *what, float complex z) {
  printf("%-22s %g %+gi\n", what, crealf(z), cimagf(z));
}

/* signed zeros and NaNs spelled out */
static void exact(const char *what, double complex z) {
  printf("%-22s %a %a\n", what, __real__ z, __imag__ z);
}

struct point {
  char tag;
  double complex at;
  float complex small[2];
};

static double complex twice(double complex z) { return 2 * z; }
static float complex rotate(float complex z) { return z * I; }
static long double complex widen(long double complex z, double k) { return z * k; }
static double complex sum(int n, const double complex *v) {
  double complex s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  return s;
}

static double complex global = 1.5 - 2.5 * I;
static float complex gf = CMPLXF(0.25, -4);
static double complex table[3] = {1, 2.0i, 3 + 4.0i};
static int calls;
static double complex counted(double complex z) {
  calls++;
  return z;
}

int main(void) {
  double complex a = 3 + 4 * I, b = 1 - 2 * I;
  show("a", a);
  show("b", b);
  show("a + b", a + b);
  show("a - b", a - b);
  show("a * b", a * b);
  show("a / b", a / b);
  show("-a", -a);
  show("+a", +a);
  show("conj(a)", conj(a));
  show("~a (GNU)", ~a);
  show("2 * a", 2 * a);
  show("a * 0.5", a * 0.5);
  show("a / 4", a / 4);
  show("1 / a", 1 / a);
  show("10 - a", 10 - a);
  show("a + 1", a + 1);
  show("I * I", I * I);
  show("a * conj(a)", a * conj(a));
  printf("cabs(a) %g carg(b) %.15g\n", cabs(a), carg(b));

  /* compound assignment, also with real operands and targets */
  double complex c = a;
  c += b;
  show("c += b", c);
  c -= 1;
  show("c -= 1", c);
  c *= b;
  show("c *= b", c);
  c /= 2;
  show("c /= 2", c);
  c *= I;
  show("c *= I", c);
  double r = 10;
  r += a;
  printf("r += a: %g\n", r);
  int k = 7;
  k *= b;
  printf("k *= b: %d\n", k);

  /* __real__ and __imag__ as lvalues */
  __real__ c = 8;
  __imag__ c = -9;
  show("parts assigned", c);
  __imag__ c += 1;
  show("__imag__ c += 1", c);
  printf("__real__ of a real %g, __imag__ of a real %g\n", __real__ r, __imag__ r);

  /* conversions */
  double d = a;
  int i = b;
  _Bool t = 0.0 + 0.5i, f = 0.0 + 0.0 * I;
  printf("to double %g, to int %d, to _Bool %d %d\n", d, i, t, f);
  float complex fa = a;
  showf("to float complex", fa);
  long double complex la = fa;
  printf("long double complex %Lg %Lg\n", creall(la), cimagl(la));
  double complex fromint = 5;
  show("from int", fromint);
  show("cast", (double complex)2.5f);
  printf("(int)(3.9 + 2.0i) %d\n", (int)(3.9 + 2.0i));

  /* equality; truth */
  printf("a == a %d, a == b %d, a != b %d, (3+0.0i) == 3 %d, 3 == a %d\n", a == a, a == b, a != b,
         (3 + 0 * I) == 3, 3 == a);
  printf("!a %d, !(0*I) %d, a && b %d, a || 0 %d\n", !a, !(0 * I), a && b, a || 0);
  if (b) puts("b is true");
  double complex zero = 0;
  printf("zero ? %d\n", zero ? 1 : 2);
  printf("cond %g\n", creal(1 ? a : 2.0));

  /* sizes and types */
  printf("sizes %zu %zu %zu, align %zu\n", sizeof(float complex), sizeof(double complex),
         sizeof(struct point), _Alignof(double complex));
  printf("types %d %d %d %d\n", _Generic(a + 1.0f, double complex: 1, default: 0),
         _Generic(fa * 2.0f, float complex: 1, default: 0), _Generic(fa + 1.0, double complex: 1, default: 0),
         _Generic(I, float complex: 1, default: 0));

  /* storage */
  struct point p = {'p', 1 + 2.0i, {3, 4.0i}};
  show("p.at", p.at);
  showf("p.small[1]", p.small[1]);
  p.at *= p.at;
  show("p.at squared", p.at);
  struct point q = p;
  q.small[0] = q.small[0] + q.small[1];
  showf("q.small[0]", q.small[0]);
  for (int j = 0; j < 3; j++) show("table", table[j]);
  show("sum(table)", sum(3, table));
  show("global", global);
  showf("gf", gf);
  double complex *pz = &a;
  show("*pz", *pz);
  __real__ *pz = 30;
  show("a through pz", a);

  /* parameters and results */
  show("twice", twice(b));
  showf("rotate", rotate(1 + 2.0i));
  long double complex w = widen(a, 0.5);
  printf("widen %Lg %Lg\n", creall(w), cimagl(w));
  show("twice(twice)", twice(twice(a)) + twice(b));

  /* operands evaluated once */
  calls = 0;
  double complex e = counted(a) * counted(b) + counted(a) / 2;
  show("counted", e);
  printf("calls %d\n", calls);
  calls = 0;
  int same = counted(a) == counted(a);
  printf("counted == %d, calls %d\n", same, calls);

  /* signed zeros, infinities, NaNs (Annex G as gcc computes it) */
  exact("-0.0 + (0 - 0.0i)", -0.0 + CMPLX(0.0, -0.0));
  exact("-(0 + 0.0i)", -CMPLX(0.0, 0.0));
  exact("0 - (0 + 0.0i)", 0.0 - CMPLX(0.0, 0.0));
  exact("(1 - 0.0i) * 2", CMPLX(1.0, -0.0) * 2);
  exact("inf * (1+1.0i)", CMPLX(INFINITY, 0) * (1 + 1.0i));
  exact("(inf + nan i) * 2.0i", CMPLX(INFINITY, NAN) * 2.0i);
  exact("1 / (0 + 0.0i)", 1 / CMPLX(0.0, 0.0));
  exact("(1+1.0i) / (inf+inf i)", (1 + 1.0i) / CMPLX(INFINITY, INFINITY));
  exact("(inf+2.0i) / (1+1.0i)", CMPLX(INFINITY, 2) / (1 + 1.0i));
  exact("1e300 * (1e300+1e300i)", 1e300 * CMPLX(1e300, 1e300));
  exact("(1e300+1e300i)^2", CMPLX(1e300, 1e300) * CMPLX(1e300, 1e300));
  /* at run time (gcc folds constant operands exactly, with MPC) */
  volatile double tiny = 1e-310, huge = 1e308;
  exact("1e-310 quotient", CMPLX(tiny, 2 * tiny) / CMPLX(3 * tiny, tiny / 1e10));
  exact("1e308 quotient", CMPLX(huge, -huge) / CMPLX(huge, huge / 10));
  printf("nan == nan %d\n", CMPLX(NAN, 0) == CMPLX(NAN, 0));
  float complex g = CMPLXF(1e30f, 1e30f);
  showf("float overflow", g * g);
  showf("float quotient", CMPLXF(1, 2) / CMPLXF(3, 4));
  exact("float quotient bits", CMPLXF(1, 2) / CMPLXF(3, 4));

  /* GNU: ++ and -- step the real part */
  double complex z = 1.5 + 2.0 * I;
  double complex old = z++;
  double complex now = ++z;
  float complex fz = 0.5f;
  fz--;
  --fz;
  double complex arr[2] = {3, 4};
  double complex *pa = arr;
  (*pa++)++;
  printf("++ -- %g %g %g %g %g %g %g %g\n", creal(old), creal(now), creal(z), cimag(z), crealf(fz), creal(arr[0]),
         creal(arr[1]), cimag(arr[0]));
  return 0;
}
