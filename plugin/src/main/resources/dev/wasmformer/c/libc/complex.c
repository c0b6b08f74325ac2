/*
 * <complex.h>, and the routines the compiler calls for a product or quotient of two complex
 * values (the names gcc and clang call; C99 Annex G's recovery of infinities). Written
 * on the double functions of libm.c: the float forms compute in double and round once, the
 * long double forms are the double ones (long double is binary64).
 */
#include <complex.h>
#include <float.h>
#include <math.h>

static double _Complex pair(double re, double im) {
  double _Complex z;
  __real__ z = re;
  __imag__ z = im;
  return z;
}

/* 1 for an infinity, else 0, with x's sign (Annex G's "box" of an infinite operand) */
static double box(double x) {
  return copysign(isinf(x) ? 1.0 : 0.0, x);
}

static double nan_to_zero(double x) {
  return isnan(x) ? copysign(0.0, x) : x;
}

/*
 * The product of the type T: Annex G's recovery of infinities that came out as NaN + NaN i,
 * C99 Annex G's example (G.5.1), in T's arithmetic. An operation with two NaN operands passes
 * on the first one (x86's rule, which the soft-float follows), so the factors' order decides a
 * NaN result's sign: c * b, not b * c, gives libgcc's signs (found by trying every order on all
 * operands from {0, -0, 1, -1, inf, -inf, NaN, -NaN, 3}).
 */
#define MUL3(name, T) \
  T _Complex name(T a, T b, T c, T d) { \
    T ac = a * c, bd = b * d, ad = a * d, bc = c * b; \
    T x = ac - bd, y = ad + bc; \
    if (isnan(x) && isnan(y)) { \
      int again = 0; \
      if (isinf(a) || isinf(b)) { \
        a = box(a), b = box(b), c = nan_to_zero(c), d = nan_to_zero(d); \
        again = 1; \
      } \
      if (isinf(c) || isinf(d)) { \
        c = box(c), d = box(d), a = nan_to_zero(a), b = nan_to_zero(b); \
        again = 1; \
      } \
      if (!again && (isinf(ac) || isinf(bd) || isinf(ad) || isinf(bc))) { \
        a = nan_to_zero(a), b = nan_to_zero(b), c = nan_to_zero(c), d = nan_to_zero(d); \
        again = 1; \
      } \
      if (again) { \
        x = INFINITY * (a * c - b * d); \
        y = INFINITY * (a * d + b * c); \
      } \
    } \
    T _Complex r; \
    __real__ r = x; \
    __imag__ r = y; \
    return r; \
  }

MUL3(__muldc3, double)
MUL3(__mulsc3, float)

/* a quotient's recovery of infinities and zeros that came out as NaN + NaN i, in T's arithmetic */
#define DIV_RECOVER(T) \
  if (isnan(x) && isnan(y)) { \
    if (c == 0.0 && d == 0.0 && (!isnan(a) || !isnan(b))) { \
      x = (T)copysign(INFINITY, c) * a; \
      y = (T)copysign(INFINITY, c) * b; \
    } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) { \
      a = box(a), b = box(b); \
      x = INFINITY * (a * c + b * d); \
      y = INFINITY * (b * c - a * d); \
    } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) { \
      c = box(c), d = box(d); \
      x = (T)0.0 * (a * c + b * d); \
      y = (T)0.0 * (b * c - a * d); \
    } \
  }

/*
 * The double quotient: Smith's method (1962) with the operand scaling that GCC 12 adopted
 * (P. McGehearty's "improved complex division"), so that our quotients have the bits gcc's
 * have. Scaling by powers of two is exact, so it only moves the operands away from overflow
 * (a divisor part near DBL_MAX) and underflow (tiny parts whose products would lose bits).
 */
#define HUGE_PART (DBL_MAX / 2)
#define TINY_PART DBL_MIN
#define SMALL_PART DBL_EPSILON
#define UPSCALE (1 / DBL_EPSILON)
#define SMALL_LIMIT (HUGE_PART * SMALL_PART)

/*
 * (m + n i) / (big + small i) for |small| <= |big|, or with flip (m + n i) / (small + big i)
 * with m, n being the dividend's imaginary and real parts: the pair (m q + n, ±(n q - m)) /
 * (small q + big) with q = small / big, the ± taken as the operands' order (so that signed
 * zeros come out as a direct computation's); when q is subnormal, q's lost bits are avoided by
 * dividing m and n by big first.
 */
static double _Complex smith(double m, double n, double big, double small, int flip) {
  double q = small / big;
  double denom = small * q + big;
  double mq, nq;
  /* q first: with NaN operands, the order that gives libgcc's NaN signs (see MUL3) */
  if (fabs(q) > TINY_PART) {
    mq = q * m, nq = q * n;
  } else {
    mq = (m / big) * small, nq = (n / big) * small;
  }
  return pair((mq + n) / denom, (flip ? m - nq : nq - m) / denom);
}

double _Complex __divdc3(double a, double b, double c, double d) {
  int imaginaryBigger = fabs(c) < fabs(d);
  double big = imaginaryBigger ? fabs(d) : fabs(c);
  if (big >= HUGE_PART) {
    a *= 0.5, b *= 0.5, c *= 0.5, d *= 0.5;
    big *= 0.5;
  }
  if (big < SMALL_PART
      || (fabs(a) < TINY_PART && fabs(b) < SMALL_LIMIT && big < SMALL_LIMIT)
      || (fabs(b) < TINY_PART && fabs(a) < SMALL_LIMIT && big < SMALL_LIMIT)) {
    a *= UPSCALE, b *= UPSCALE, c *= UPSCALE, d *= UPSCALE;
  }
  double _Complex r = imaginaryBigger ? smith(a, b, d, c, 0) : smith(b, a, c, d, 1);
  double x = __real__ r, y = __imag__ r;
  DIV_RECOVER(double)
  return pair(x, y);
}

/* the float quotient: the plain formula in double, where it can neither overflow nor underflow (gcc's too) */
float _Complex __divsc3(float a, float b, float c, float d) {
  double denom = (double)c * c + (double)d * d;
  float x = ((double)a * c + (double)b * d) / denom;
  float y = ((double)c * b - (double)a * d) / denom; /* c first: libgcc's NaN signs (see MUL3) */
  DIV_RECOVER(float)
  float _Complex r;
  __real__ r = x;
  __imag__ r = y;
  return r;
}

double creal(double _Complex z) { return __real__ z; }
double cimag(double _Complex z) { return __imag__ z; }
double _Complex conj(double _Complex z) { return ~z; }
double cabs(double _Complex z) { return hypot(__real__ z, __imag__ z); }
double carg(double _Complex z) { return atan2(__imag__ z, __real__ z); }

double _Complex cproj(double _Complex z) {
  if (isinf(__real__ z) || isinf(__imag__ z)) return pair(INFINITY, copysign(0.0, __imag__ z));
  return z;
}

/* C99 G.6.3.1 */
double _Complex cexp(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (isfinite(x) && isfinite(y)) {
    if (y == 0) return pair(exp(x), y);
    double r = exp(x);
    return pair(r * cos(y), r * sin(y));
  }
  if (isinf(x)) {
    if (isfinite(y)) {
      if (x < 0) return pair(0.0 * cos(y), 0.0 * sin(y));
      return y == 0 ? pair(x, y) : pair(x * cos(y), x * sin(y));
    }
    return x < 0 ? pair(0.0, copysign(0.0, y)) : pair(x, y - y);
  }
  if (isnan(x) && y == 0) return pair(x, y);
  return pair(NAN, NAN);
}

double _Complex clog(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  double ax = fabs(x), ay = fabs(y);
  double re;
  if (ax == 1.0 && ay < 0x1p-26) {
    re = y * y / 2;
  } else if (ax < 0x1p500 && ay < 0x1p500 && ax > 0x1p-500 && fabs(ax * ax + ay * ay - 1) < 0.5) {
    /* near the unit circle: log1p of the small difference */
    double m = ax > ay ? ax : ay, n = ax > ay ? ay : ax;
    re = log1p((m - 1) * (m + 1) + n * n) / 2;
  } else {
    re = log(hypot(x, y));
  }
  return pair(re, atan2(y, x));
}

/* C99 G.6.4.2 */
double _Complex csqrt(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (x == 0 && y == 0) return pair(0.0, y);
  if (isinf(y)) return pair(INFINITY, y);
  if (isnan(x)) return pair(x, NAN);
  if (isinf(x)) {
    if (x < 0) return pair(fabs(y - y), copysign(INFINITY, y));
    return pair(x, copysign(y - y, y));
  }
  if (isnan(y)) return pair(NAN, y);
  double ax = fabs(x), ay = fabs(y), t;
  if (ax > DBL_MAX / 4 || ay > DBL_MAX / 4) {
    t = 2 * sqrt((ax / 4 + hypot(x / 4, y / 4)) / 2);
  } else if (ax < 0x1p-1000 && ay < 0x1p-1000) {
    t = sqrt((ax * 0x1p100 + hypot(x * 0x1p100, y * 0x1p100)) / 2) * 0x1p-50;
  } else {
    t = sqrt((ax + hypot(x, y)) / 2);
  }
  if (x >= 0) return pair(t, y / (2 * t));
  return pair(ay / (2 * t), copysign(t, y));
}

double _Complex cpow(double _Complex x, double _Complex y) {
  return cexp(y * clog(x));
}

/* C99 G.6.2.5: sinh(x) cos(y) + i cosh(x) sin(y) */
double _Complex csinh(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (isfinite(x) && isfinite(y)) {
    if (y == 0) return pair(sinh(x), y);
    if (x == 0) return pair(x * cos(y), sin(y));
    return pair(sinh(x) * cos(y), cosh(x) * sin(y));
  }
  if (x == 0 && !isfinite(y)) return pair(copysign(0.0, x), y - y);
  if (isinf(x)) {
    if (y == 0) return pair(x, y);
    if (isfinite(y)) return pair(x * cos(y), INFINITY * sin(y));
    return pair(x, y - y);
  }
  if (isnan(x) && y == 0) return pair(x, y);
  return pair(NAN, NAN);
}

/* C99 G.6.2.4: cosh(x) cos(y) + i sinh(x) sin(y) */
double _Complex ccosh(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (isfinite(x) && isfinite(y)) {
    if (y == 0) return pair(cosh(x), x == 0 ? copysign(0.0, x * y) : sinh(x) * y);
    if (x == 0) return pair(cos(y), x * sin(y));
    return pair(cosh(x) * cos(y), sinh(x) * sin(y));
  }
  if (x == 0 && !isfinite(y)) return pair(y - y, 0.0);
  if (isinf(x)) {
    if (y == 0) return pair(INFINITY, y * x);
    if (isfinite(y)) return pair(INFINITY * cos(y), x * sin(y));
    return pair(INFINITY, y - y);
  }
  if (isnan(x) && y == 0) return pair(x, y);
  return pair(NAN, NAN);
}

/* C99 G.6.2.6, with glibc's formula: (sinh x cosh x + i sin y cos y) / (sinh^2 x + cos^2 y) */
double _Complex ctanh(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (isinf(x)) return pair(copysign(1.0, x), isfinite(y) && fabs(y) > 1 ? copysign(0.0, sin(y) * cos(y)) : copysign(0.0, y));
  if (isnan(x)) return y == 0 ? pair(x, y) : pair(NAN, NAN);
  if (!isfinite(y)) return x == 0 ? pair(x, NAN) : pair(NAN, NAN);
  double s = sin(y), c = cos(y);
  if (fabs(x) > 354) {
    double e = exp(-2 * fabs(x));
    return pair(copysign(1.0, x), 4 * s * c * e);
  }
  double sh = fabs(x) > DBL_MIN ? sinh(x) : x, ch = fabs(x) > DBL_MIN ? cosh(x) : 1.0;
  double den = sh * sh + c * c;
  return pair(sh * ch / den, s * c / den);
}

/* multiplications by i and -i: (x + iy) i = -y + ix */
static double _Complex times_i(double _Complex z) { return pair(-__imag__ z, __real__ z); }
static double _Complex times_minus_i(double _Complex z) { return pair(__imag__ z, -__real__ z); }

double _Complex csin(double _Complex z) { return times_minus_i(csinh(times_i(z))); }
double _Complex ccos(double _Complex z) { return ccosh(times_i(z)); }
double _Complex ctan(double _Complex z) { return times_minus_i(ctanh(times_i(z))); }

/* asinh(z) = log(z + sqrt(z^2 + 1)), computed where no part cancels (re, im >= 0) */
double _Complex casinh(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (isnan(x) || isnan(y)) {
    if (isinf(x) || isinf(y)) return pair(INFINITY, isnan(x) ? x : NAN);
    if (y == 0) return pair(x, y);
    return pair(NAN, NAN);
  }
  if (isinf(x) || isinf(y)) {
    double im = isinf(x) ? (isinf(y) ? M_PI_4 : 0.0) : M_PI_2;
    return pair(copysign(INFINITY, x), copysign(im, y));
  }
  double ax = fabs(x), ay = fabs(y), re, im;
  if (ax > 0x1p500 || ay > 0x1p500) {
    /* z^2 + 1 is z^2: log(2z) */
    double _Complex l = clog(pair(ax, ay));
    re = __real__ l + M_LN2;
    im = __imag__ l;
  } else {
    double _Complex w = pair(ax, ay);
    double _Complex s = csqrt(w * w + 1);
    double _Complex l = clog(w + s);
    re = __real__ l;
    im = __imag__ l;
    if (ax == 0 && ay <= 1) {
      re = 0;
      im = asin(ay);
    }
  }
  return pair(copysign(re, x), copysign(im, y));
}

double _Complex casin(double _Complex z) { return times_minus_i(casinh(times_i(z))); }

double _Complex cacos(double _Complex z) {
  double _Complex w = casin(z);
  double re = M_PI_2 - __real__ w;
  return pair(re == 0 ? 0.0 : re, -__imag__ w);
}

/* the value of cacos with a nonnegative real part: i cacos(z) or -i cacos(z) */
double _Complex cacosh(double _Complex z) {
  double _Complex w = cacos(z);
  if (isnan(__real__ w) && isnan(__imag__ w)) return w;
  return signbit(__imag__ w) ? pair(-__imag__ w, __real__ w) : pair(__imag__ w, -__real__ w);
}

/* glibc's formula: re = log((1+x)^2 + y^2) / ((1-x)^2 + y^2)) / 4, im = atan2(2y, (1-x)(1+x) - y^2) / 2 */
double _Complex catanh(double _Complex z) {
  double x = __real__ z, y = __imag__ z;
  if (isinf(x) || isinf(y)) return pair(copysign(0.0, x), copysign(M_PI_2, y));
  if (isnan(x) || isnan(y)) {
    if (x == 0) return pair(x, NAN);
    return pair(NAN, NAN);
  }
  if (fabs(x) >= 16.0 / DBL_EPSILON || fabs(y) >= 16.0 / DBL_EPSILON) {
    return pair(copysign(0.0, x), copysign(M_PI_2, y));
  }
  if (x == 0 && y == 0) return z;
  double y2 = fabs(y) >= DBL_EPSILON * DBL_EPSILON ? y * y : 0;
  double num = 1.0 + x, den = 1.0 - x;
  num = y2 + num * num;
  den = y2 + den * den;
  double f = num / den, re;
  if (f < 0.5) re = 0.25 * log(f);
  else re = 0.25 * log1p(4.0 * x / den);
  double d = (1 - x) * (1 + x) - y2;
  return pair(re, 0.5 * atan2(2.0 * y, d));
}

double _Complex catan(double _Complex z) { return times_minus_i(catanh(times_i(z))); }

/* the float forms round the double results once; the long double forms are the double ones */
#define CF(fn) \
  float _Complex fn##f(float _Complex z) { return fn(z); } \
  long double _Complex fn##l(long double _Complex z) { return fn(z); }
#define RF(fn) \
  float fn##f(float _Complex z) { return fn(z); } \
  long double fn##l(long double _Complex z) { return fn(z); }

RF(creal) RF(cimag) RF(cabs) RF(carg)
CF(conj) CF(cproj) CF(cexp) CF(clog) CF(csqrt) CF(csin) CF(ccos) CF(ctan) CF(casin) CF(cacos) CF(catan)
CF(csinh) CF(ccosh) CF(ctanh) CF(casinh) CF(cacosh) CF(catanh)

float _Complex cpowf(float _Complex x, float _Complex y) { return cpow(x, y); }
long double _Complex cpowl(long double _Complex x, long double _Complex y) { return cpow(x, y); }
