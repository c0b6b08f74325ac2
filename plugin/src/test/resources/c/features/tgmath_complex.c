/* <tgmath.h>'s complex forms: a complex argument selects the complex function of the common type;
   carg, cimag, conj, cproj and creal are generic (against gcc and glibc). */
#include <stdio.h>
#include <tgmath.h>

#define KIND(x) _Generic((x), float: "float", double: "double", long double: "long double", \
    float complex: "float complex", double complex: "double complex", long double complex: "long double complex", \
    default: "other")

static int evaluations;
static double complex once(double complex z) {
  evaluations++;
  return z;
}

int main(void) {
  float complex f = CMPLXF(0.5f, 0.25f);
  double complex d = CMPLX(-1.5, 2);
  long double complex l = CMPLXL(0.75, -0.5);
  double x = 0.3;
  printf("%-20s %.10g %+.10gi\n", "sin(d)", creal(sin(d)), cimag(sin(d)));
  printf("%-20s %.10g %+.10gi\n", "cos(d)", creal(cos(d)), cimag(cos(d)));
  printf("%-20s %.10g %+.10gi\n", "tan(d)", creal(tan(d)), cimag(tan(d)));
  printf("%-20s %.10g %+.10gi\n", "asin(d)", creal(asin(d)), cimag(asin(d)));
  printf("%-20s %.10g %+.10gi\n", "acos(d)", creal(acos(d)), cimag(acos(d)));
  printf("%-20s %.10g %+.10gi\n", "atan(d)", creal(atan(d)), cimag(atan(d)));
  printf("%-20s %.10g %+.10gi\n", "sinh(d)", creal(sinh(d)), cimag(sinh(d)));
  printf("%-20s %.10g %+.10gi\n", "cosh(d)", creal(cosh(d)), cimag(cosh(d)));
  printf("%-20s %.10g %+.10gi\n", "tanh(d)", creal(tanh(d)), cimag(tanh(d)));
  printf("%-20s %.10g %+.10gi\n", "asinh(d)", creal(asinh(d)), cimag(asinh(d)));
  printf("%-20s %.10g %+.10gi\n", "acosh(d)", creal(acosh(d)), cimag(acosh(d)));
  printf("%-20s %.10g %+.10gi\n", "atanh(d)", creal(atanh(d)), cimag(atanh(d)));
  printf("%-20s %.10g %+.10gi\n", "exp(d)", creal(exp(d)), cimag(exp(d)));
  printf("%-20s %.10g %+.10gi\n", "log(d)", creal(log(d)), cimag(log(d)));
  printf("%-20s %.10g %+.10gi\n", "sqrt(d)", creal(sqrt(d)), cimag(sqrt(d)));
  printf("%-20s %.10g %+.10gi\n", "pow(d, 2)", creal(pow(d, 2)), cimag(pow(d, 2)));
  printf("%-20s %.10g %+.10gi\n", "pow(2, d)", creal(pow(2, d)), cimag(pow(2, d)));
  printf("%-20s %.10g\n", "fabs(d)", fabs(d));
  printf("%-20s %.10g %.10g %.10g\n", "carg creal cimag", carg(d), creal(d), cimag(d));
  printf("%-20s %.10g %+.10gi\n", "conj(d)", creal(conj(d)), cimag(conj(d)));
  printf("%-20s %.10g %+.10gi\n", "cproj(d)", creal(cproj(d)), cimag(cproj(d)));
  printf("%-20s %.6g %+.6gi\n", "sqrt(f)", crealf(sqrt(f)), cimagf(sqrt(f)));
  printf("%-20s %.6g %+.6gi\n", "exp(f)", crealf(exp(f)), cimagf(exp(f)));
  printf("%-20s %.6g\n", "fabs(f)", fabs(f));
  printf("%-20s %.10Lg %+.10Lgi\n", "log(l)", creall(log(l)), cimagl(log(l)));
  printf("%-20s %.10Lg\n", "fabs(l)", fabs(l));
  printf("%-20s %.10g %.10g\n", "real args", sqrt(x), carg(x));
  printf("%-20s %g %g %g\n", "creal of reals", creal(2), cimag(2.5f), carg(-1.0));

  /* the types selected */
  puts(KIND(sin(f)));
  puts(KIND(sin(d)));
  puts(KIND(sin(l)));
  puts(KIND(fabs(f)));
  puts(KIND(fabs(d)));
  puts(KIND(fabs(l)));
  puts(KIND(pow(f, f)));
  puts(KIND(pow(f, 2.0)));
  puts(KIND(pow(f, x)));
  puts(KIND(pow(x, f)));
  puts(KIND(pow(l, f)));
  puts(KIND(pow(2, d)));
  puts(KIND(pow(2.0f, f)));
  puts(KIND(creal(f)));
  puts(KIND(creal(d)));
  puts(KIND(creal(l)));
  puts(KIND(creal(2.0f)));
  puts(KIND(creal(2)));
  puts(KIND(cimag(2.0L)));
  puts(KIND(conj(f)));
  puts(KIND(conj(1.0f)));
  puts(KIND(conj(x)));
  puts(KIND(cproj(l)));
  puts(KIND(carg(f)));
  puts(KIND(sqrt(x)));
  puts(KIND(sqrt(1.0f)));

  /* each argument evaluated once */
  double complex s = sqrt(once(d)) + exp(once(d)) + pow(once(d), once(d));
  printf("%.10g %+.10gi, evaluations %d\n", creal(s), cimag(s), evaluations);
  return 0;
}
