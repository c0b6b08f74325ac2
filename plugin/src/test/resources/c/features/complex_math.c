/* <complex.h>'s functions against glibc: finite arguments in every quadrant, printed to 12 digits,
   and the special values of C99 Annex G that gcc's library gives. */
#include <complex.h>
#include <math.h>
#include <stdio.h>

static void show(const char *name, double complex z) {
  printf("%-8s %.12g %+.12gi\n", name, creal(z), cimag(z));
}

static void showf(const char *name, float complex z) {
  printf("%-8s %.5g %+.5gi\n", name, crealf(z), cimagf(z));
}

typedef double complex (*fn)(double complex);

static const struct {
  const char *name;
  fn f;
} functions[] = {
  {"cexp", cexp}, {"clog", clog}, {"csqrt", csqrt}, {"csin", csin}, {"ccos", ccos}, {"ctan", ctan},
  {"casin", casin}, {"cacos", cacos}, {"catan", catan}, {"csinh", csinh}, {"ccosh", ccosh},
  {"ctanh", ctanh}, {"casinh", casinh}, {"cacosh", cacosh}, {"catanh", catanh}, {"conj", conj},
  {"cproj", cproj},
};

int main(void) {
  double complex args[] = {
    CMPLX(0.5, 0.25), CMPLX(-1.5, 2), CMPLX(-0.75, -0.5), CMPLX(2, -3), CMPLX(3, 0), CMPLX(0, 2),
    CMPLX(-2, 0), CMPLX(0.1, -0.1), CMPLX(10, 1), CMPLX(1, 10), CMPLX(0.001, 0.002), CMPLX(1.25, 0.75),
  };
  int n = sizeof args / sizeof args[0];
  for (int i = 0; i < n; i++) {
    double complex z = args[i];
    printf("z = %g %+gi: cabs %.12g carg %.12g creal %g cimag %g\n", creal(z), cimag(z), cabs(z), carg(z),
           creal(z), cimag(z));
    for (unsigned k = 0; k < sizeof functions / sizeof functions[0]; k++) show(functions[k].name, functions[k].f(z));
    show("cpow", cpow(z, CMPLX(0.5, -1)));
    show("cpow 2", cpow(z, 2));
  }

  /* the float and long double forms */
  float complex f = CMPLXF(0.5f, -1.25f);
  showf("cexpf", cexpf(f));
  showf("clogf", clogf(f));
  showf("csqrtf", csqrtf(f));
  showf("csinf", csinf(f));
  showf("ccosf", ccosf(f));
  showf("ctanf", ctanf(f));
  showf("casinf", casinf(f));
  showf("cacosf", cacosf(f));
  showf("catanf", catanf(f));
  showf("csinhf", csinhf(f));
  showf("ccoshf", ccoshf(f));
  showf("ctanhf", ctanhf(f));
  showf("casinhf", casinhf(f));
  showf("cacoshf", cacoshf(f));
  showf("catanhf", catanhf(f));
  showf("cpowf", cpowf(f, 3));
  showf("conjf", conjf(f));
  showf("cprojf", cprojf(f));
  printf("cabsf %.5g cargf %.5g\n", cabsf(f), cargf(f));
  long double complex l = CMPLXL(-2, 0.5);
  printf("csqrtl %.12Lg %.12Lg\n", creall(csqrtl(l)), cimagl(csqrtl(l)));
  printf("cexpl %.12Lg %.12Lg\n", creall(cexpl(l)), cimagl(cexpl(l)));
  printf("cabsl %.12Lg cargl %.12Lg\n", cabsl(l), cargl(l));
  printf("cpowl %.12Lg\n", creall(cpowl(l, 2)));

  /* exact results */
  double complex s = csqrt(CMPLX(-4, 0));
  printf("csqrt(-4) %g %g, csqrt(-4 - 0i) %g %g\n", creal(s), cimag(s), creal(csqrt(CMPLX(-4, -0.0))),
         cimag(csqrt(CMPLX(-4, -0.0))));
  printf("csqrt(3+4i) %g %g\n", creal(csqrt(3 + 4 * I)), cimag(csqrt(3 + 4 * I)));
  printf("cexp(0) %g %g, clog(1) %g %g\n", creal(cexp(0)), cimag(cexp(0)), creal(clog(1)), cimag(clog(1)));

  /* special values (C99 G.6) */
  double complex special[] = {
    CMPLX(0.0, 0.0), CMPLX(-0.0, 0.0), CMPLX(0.0, -0.0), CMPLX(INFINITY, 0.0), CMPLX(-INFINITY, 1.0),
    CMPLX(1.0, INFINITY), CMPLX(INFINITY, INFINITY), CMPLX(NAN, 0.0), CMPLX(1.0, NAN),
  };
  for (unsigned i = 0; i < sizeof special / sizeof special[0]; i++) {
    double complex z = special[i];
    printf("z = %g %+gi:", creal(z), cimag(z));
    printf(" cexp %g %g", creal(cexp(z)), cimag(cexp(z)));
    printf(" csqrt %g %g", creal(csqrt(z)), cimag(csqrt(z)));
    printf(" cproj %g %g", creal(cproj(z)), cimag(cproj(z)));
    printf(" cabs %g carg %g\n", cabs(z), carg(z));
  }
  printf("clog(0) %g %g, clog(-0) %g %g\n", creal(clog(0)), cimag(clog(0)), creal(clog(CMPLX(-0.0, 0))),
         cimag(clog(CMPLX(-0.0, 0))));
  return 0;
}
