/*
 * <math.h>'s transcendental functions, on the soft-float double arithmetic (softfloat.c).
 *
 * Written for this libc. The approach: reduce the argument exactly or in double-double
 * (a value carried as hi + lo, |lo| <= ulp(hi)/2), evaluate a truncated Taylor series on a
 * small interval, and round once at the end. Error-free transformations (two_sum, Dekker's
 * two_prod with Veltkamp's split) need no fused multiply-add: the soft-float arithmetic
 * rounds each operation to nearest even, which is all they assume. Results are within about
 * one ulp of the correctly rounded value (docs/c-compiler.md gives the measured figures).
 * The float functions compute in double and round once to float. errno: each public function
 * is its computation then glibc's domain and range checks (check2, at the end of the file).
 */
#include <math.h>

typedef unsigned long long u64;

#define SIGN 0x8000000000000000ULL

/* The constants, each the correctly rounded double of the value (or a split of it into a
 * head with few significant bits and a tail), computed with 90-digit decimal arithmetic. */
#define LN2_HI 0x1.62e42ff000000p-1 /* 32 significant bits: k * LN2_HI is exact */
#define LN2_LO -0x1.718432a1b0e26p-35
#define INV_LN2 0x1.71547652b82fep+0
#define INV_LN2_LO 0x1.777d0ffda0d24p-56
#define INV_LN10 0x1.bcb7b1526e50ep-2
#define INV_LN10_LO 0x1.95355baaafad3p-57
#define LOG10_2 0x1.34413509f79ffp-2
#define LOG10_2_LO -0x1.9dc1da994fd21p-59
#define PIO2_1 0x1.921fb54400000p+0 /* pi/2 = PIO2_1 + PIO2_2 + PIO2_3 + ..., 33 + 33 + 53 bits */
#define PIO2_2 0x1.0b4611a600000p-34
#define PIO2_3 0x1.3198a2e037073p-69
#define PI 0x1.921fb54442d18p+1
#define PI_LO 0x1.1a62633145c07p-53
#define PIO2 0x1.921fb54442d18p+0
#define PIO2_LO 0x1.1a62633145c07p-54
#define PIO4 0x1.921fb54442d18p-1
#define PIO4_LO 0x1.1a62633145c07p-55
#define ATAN_HALF 0x1.dac670561bb4fp-2
#define ATAN_HALF_LO 0x1.a2b7f222f65e2p-56
#define ATAN_3HALF 0x1.f730bd281f69bp-1
#define ATAN_3HALF_LO 0x1.007887af0cbbdp-56

/* 2/pi in 24-bit chunks, most significant first: 2/pi = sum TWO_OVER_PI[i] * 2^(-24(i+1)). */
static const int TWO_OVER_PI[] = {
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163, 0xABDEBB,
    0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5,
    0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C, 0x845F8B, 0xBDF928, 0x3B1FF8,
    0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF, 0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D,
    0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B,
    0x6BABF0, 0xCFBC20};

static u64 bits(double x) {
  return __wasmformer_f64_bits(x);
}

static double from_bits(u64 b) {
  return __wasmformer_bits_f64(b);
}

/* 2^n for -1022 <= n <= 1023. */
static double pow2(int n) {
  return from_bits((u64)(n + 1023) << 52);
}

/* x * 2^n, rounded once (also into the subnormals). */
static double scale(double x, int n) {
  if (n > 1023) {
    x *= pow2(1023);
    n -= 1023;
    if (n > 1023) {
      x *= pow2(1023);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    /* two steps: the first exact, the second the only rounding */
    x *= pow2(-1022 + 53);
    n += 1022 - 53;
    if (n < -1022) {
      x *= pow2(-1022 + 53);
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return x * pow2(n);
}

/* s + e == a + b exactly. */
static void two_sum(double a, double b, double *s, double *e) {
  double t = a + b;
  double bb = t - a;
  *e = (a - (t - bb)) + (b - bb);
  *s = t;
}

/* s + e == a + b exactly, for |a| >= |b| (or a == 0). */
static void fast_two_sum(double a, double b, double *s, double *e) {
  double t = a + b;
  *e = b - (t - a);
  *s = t;
}

/* p + e == a * b exactly (no overflow, no underflow). */
static void two_prod(double a, double b, double *p, double *e) {
  double ca = 134217729.0 * a; /* 2^27 + 1 */
  double ah = ca - (ca - a), al = a - ah;
  double cb = 134217729.0 * b;
  double bh = cb - (cb - b), bl = b - bh;
  double t = a * b;
  *e = ((ah * bh - t) + ah * bl + al * bh) + al * bl;
  *p = t;
}

/* the NaN an invalid operation gives on x86-64 (sign set), as glibc returns it */
#define DEFAULT_NAN from_bits(0xFFF8000000000000ULL)
/* glibc's asin, acos and log10 return it with the sign clear */
#define POSITIVE_NAN from_bits(0x7FF8000000000000ULL)

static double quiet(double x) {
  return x + x; /* a NaN operand comes back quieted */
}

/* ---- exp ---- */

/*
 * exp(hi + lo) = 2^k * exp(r) with r = hi + lo - k ln2 (|r| <= 0.35, in double-double);
 * exp(r) - 1 from its Taylor series to r^13. *k_out receives k, the result is exp(r)
 * (in [0.7, 1.42]) as a double-double. The caller checks the range.
 */
static void exp_core(double hi, double lo, int *k_out, double *rh, double *rl) {
  double kd = hi * INV_LN2;
  int k = (int)(kd < 0 ? kd - 0.5 : kd + 0.5);
  double t = hi - k * LN2_HI; /* exact: k has at most 11 bits, LN2_HI 32 */
  double c = lo - k * LN2_LO;
  double r, rlo;
  two_sum(t, c, &r, &rlo);
  double p = 1.0 / 6227020800.0; /* 1/13! */
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  /* exp(r) - 1 = r + r^2/2 + r^3 p: r^2/2 exactly (two_prod), r's tail: + rlo exp(r) */
  double r2h, r2l;
  two_prod(r, r, &r2h, &r2l);
  double low = 0.5 * r2l + r2h * r * p + rlo * (1.0 + r);
  double s, e;
  two_sum(r, 0.5 * r2h, &s, &e);
  fast_two_sum(s, e + low, &s, &e);
  double h, l;
  fast_two_sum(1.0, s, &h, &l);
  *k_out = k;
  *rh = h;
  *rl = l + e;
}

static double exp_dd(double hi, double lo) {
  if (hi > 709.8) return HUGE_VAL;
  if (hi < -745.2) return 0.0;
  int k;
  double h, l;
  exp_core(hi, lo, &k, &h, &l);
  return scale(h + l, k);
}

static double exp_nc(double x) {
  if (x != x) return quiet(x);
  return exp_dd(x, 0.0);
}

static double exp2_nc(double x) {
  if (x != x) return quiet(x);
  if (x > 1024.5) return HUGE_VAL;
  if (x < -1080) return 0.0;
  /* 2^x = 2^n * exp((x - n) ln 2), x - n exact */
  double n = floor(x + 0.5);
  double f = x - n;
  double h, l;
  two_prod(f, 0x1.62e42fefa39efp-1, &h, &l);
  l += f * 0x1.abc9e3b39803fp-56;
  int k;
  double eh, el;
  exp_core(h, l, &k, &eh, &el);
  return scale(eh + el, k + (int)n);
}

/* exp(x) - 1 as a double-double, for -40 <= x <= 709.7 */
static void expm1_dd(double x, double *rh, double *rl) {
  int k;
  double h, l;
  exp_core(x, 0.0, &k, &h, &l);
  double s, e;
  if (k == 0) {
    fast_two_sum(h - 1.0, l, rh, rl); /* h - 1 is exact here */
    return;
  }
  /* 2^k (h + l) - 1 */
  double sh = scale(h, k), sl = scale(l, k);
  two_sum(sh, -1.0, &s, &e);
  fast_two_sum(s, e + sl, rh, rl);
}

static double expm1_nc(double x) {
  if (x != x) return quiet(x);
  if (x > 709.8) return HUGE_VAL;
  if (x < -40) return -1.0;
  if (fabs(x) < 0x1p-54) return x;
  double h, l;
  expm1_dd(x, &h, &l);
  return h + l;
}

/* (ah + al) / (bh + bl), rounded once (about) */
static double div_dd(double ah, double al, double bh, double bl) {
  double q = ah / bh;
  double ph, pl;
  two_prod(q, bh, &ph, &pl);
  return q + ((((ah - ph) - pl) + al) - q * bl) / bh;
}

/* ---- log ---- */

/*
 * log(x) for a positive finite x as a double-double: x = 2^e m with m in [sqrt(1/2),
 * sqrt(2)), f = m - 1 (exact), log(m) = 2 atanh(s) with s = f / (2 + f):
 * 2s + 2s^3/3 + 2s^5/5 + ..., |s| <= 0.172, to s^25.
 */
static void log_dd(double x, double *hi, double *lo) {
  u64 b = bits(x);
  int e = 0;
  if (b < 0x0010000000000000ULL) { /* subnormal */
    x *= 0x1p54;
    b = bits(x);
    e = -54;
  }
  e += (int)(b >> 52) - 1023;
  b = (b & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL; /* m in [1, 2) */
  if (b > 0x3FF6A09E667F3BCCULL) { /* m > sqrt(2): halve it */
    b -= 0x0010000000000000ULL;
    e++;
  }
  double m = from_bits(b);
  double f = m - 1.0;
  double d, dl;
  two_sum(2.0, f, &d, &dl);
  double s = f / d;
  /* s's error: (f - s (d + dl)) / d, with s d exact in double-double */
  double ph, pl;
  two_prod(s, d, &ph, &pl);
  double sl = (((f - ph) - pl) - s * dl) / d;
  double zh, zl;
  two_prod(s, s, &zh, &zl);
  double z = zh;
  double t = 2.0 / 25;
  t = t * z + 2.0 / 23;
  t = t * z + 2.0 / 21;
  t = t * z + 2.0 / 19;
  t = t * z + 2.0 / 17;
  t = t * z + 2.0 / 15;
  t = t * z + 2.0 / 13;
  t = t * z + 2.0 / 11;
  t = t * z + 2.0 / 9;
  t = t * z + 2.0 / 7;
  t = t * z + 2.0 / 5;
  /* log(m) = 2s + (2/3) s^3 + s^5 t + sl's share, the s^3 term in double-double */
  double ch, cl;
  two_prod(s, zh, &ch, &cl);
  cl += s * zl;
  double th, tl;
  two_prod(ch, 0x1.5555555555555p-1, &th, &tl); /* 2/3 = 0x1.5555555555555p-1 + 0x1.5555555555555p-55 */
  tl += ch * 0x1.5555555555555p-55 + cl * 0x1.5555555555555p-1;
  double ah, al;
  two_sum(2.0 * s, th, &ah, &al);
  al += tl + 2.0 * sl / (1.0 - z) + ch * z * t; /* 2 atanh(s + sl) = 2 atanh(s) + 2 sl / (1 - s^2) */
  double lh, ll;
  fast_two_sum(ah, al, &lh, &ll);
  /* + e ln2, with e * LN2_HI exact */
  double eh = e * LN2_HI;
  double el = e * LN2_LO;
  double h, l;
  two_sum(eh, lh, &h, &l);
  l += ll + el;
  fast_two_sum(h, l, hi, lo);
}

/* NaN, negative, zero, infinity: the result log would give (else 0 and *done = 0). */
static double log_special(double x, int *done) {
  *done = 1;
  if (x != x) return quiet(x);
  if (x == 0) return -HUGE_VAL;
  if (x < 0) return DEFAULT_NAN;
  if (x == HUGE_VAL) return x;
  *done = 0;
  return 0;
}

static double log_nc(double x) {
  int done;
  double sp = log_special(x, &done);
  if (done) return sp;
  double h, l;
  log_dd(x, &h, &l);
  return h + l;
}

static double log2_nc(double x) {
  int done;
  double sp = log_special(x, &done);
  if (done) return sp;
  u64 b = bits(x);
  if ((b & 0x000FFFFFFFFFFFFFULL) == 0 && b >= 0x0010000000000000ULL) return (int)(b >> 52) - 1023;
  double h, l;
  log_dd(x, &h, &l);
  double ph, pl;
  two_prod(h, INV_LN2, &ph, &pl);
  pl += h * INV_LN2_LO + l * INV_LN2;
  return ph + pl;
}

static double log10_nc(double x) {
  int done;
  double sp = log_special(x, &done);
  if (done) return x < 0 ? POSITIVE_NAN : sp;
  double h, l;
  log_dd(x, &h, &l);
  double ph, pl;
  two_prod(h, INV_LN10, &ph, &pl);
  pl += h * INV_LN10_LO + l * INV_LN10;
  return ph + pl;
}

static double log1p_nc(double x) {
  if (x != x) return quiet(x);
  if (x == -1.0) return -HUGE_VAL;
  if (x < -1.0) return DEFAULT_NAN;
  if (x == HUGE_VAL) return x;
  if (fabs(x) < 0x1p-54) return x;
  /* 1 + x = u + c exactly; log(u + c) = log(u) + c / u */
  double u, c;
  two_sum(1.0, x, &u, &c);
  double h, l;
  log_dd(u, &h, &l);
  return h + (l + c / u);
}

/* ---- pow ---- */

/* 0: y is not an integer; 1: an odd integer; 2: an even integer. */
static int integer_kind(double y) {
  if (trunc(y) != y) return 0;
  if (fabs(y) >= 0x1p53) return 2;
  return trunc(y * 0.5) == y * 0.5 ? 2 : 1;
}

static double pow_nc(double x, double y) {
  if (y == 0) return 1.0;
  if (x == 1.0) return 1.0;
  if (x != x || y != y) return x + y;
  int yk = integer_kind(y);
  if (y == HUGE_VAL || y == -HUGE_VAL) {
    double ax = fabs(x);
    if (ax == 1.0) return 1.0;
    return (ax > 1.0) == (y > 0) ? HUGE_VAL : 0.0;
  }
  if (x == 0) {
    int neg = yk == 1 && signbit(x);
    if (y > 0) return neg ? -0.0 : 0.0;
    return neg ? -HUGE_VAL : HUGE_VAL;
  }
  if (x == HUGE_VAL) return y > 0 ? HUGE_VAL : 0.0;
  if (x == -HUGE_VAL) {
    if (y > 0) return yk == 1 ? -HUGE_VAL : HUGE_VAL;
    return yk == 1 ? -0.0 : 0.0;
  }
  double sign = 1.0;
  if (x < 0) {
    if (yk == 0) return DEFAULT_NAN;
    if (yk == 1) sign = -1.0;
    x = -x;
  }
  if (x == 1.0) return sign; /* pow(-1, an integer) */
  /* |log x| >= 2^-53: far past overflow or underflow (and two_prod's split of y would overflow) */
  if (fabs(y) > 0x1p900) return (x > 1.0) == (y > 0) ? sign * HUGE_VAL : sign * 0.0;
  if (y == 1.0) return sign * x;
  if (y == 2.0) return sign * (x * x);
  if (y == -1.0) return sign * (1.0 / x);
  double lh, ll;
  log_dd(x, &lh, &ll);
  double ph, pl;
  two_prod(y, lh, &ph, &pl);
  if (ph > 710) return sign * HUGE_VAL;
  if (ph < -746) return sign * 0.0;
  pl += y * ll;
  double h, l;
  fast_two_sum(ph, pl, &h, &l);
  return sign * exp_dd(h, l);
}

/* ---- sin, cos, tan ---- */

/*
 * x = n pi/2 + (rh + rl) with |rh + rl| <= pi/4 (about), for a finite x; returns n mod 4.
 * Below 2^20 pi/2 by subtracting n times pi/2 in three pieces (the first two products
 * exact); above, from the bits of 2/pi (Payne and Hanek's method).
 */
static int rem_pio2_big(double ax, double *rh, double *rl);

static int rem_pio2(double x, double *rh, double *rl) {
  double ax = fabs(x);
  if (ax <= PIO4) {
    *rh = x;
    *rl = 0;
    return 0;
  }
  if (ax < 0x1.921fb54442d18p+20) {
    double nd = x * 0x1.45f306dc9c883p-1;
    double n = nd < 0 ? -floor(-nd + 0.5) : floor(nd + 0.5);
    double a = x - n * PIO2_1;      /* exact */
    double w = n * PIO2_2;          /* exact */
    double b, bl;
    two_sum(a, -w, &b, &bl);        /* b + bl = x - n (PIO2_1 + PIO2_2) exactly */
    double c, cl;
    two_prod(n, PIO2_3, &c, &cl);
    double s1, e1;
    two_sum(b, -c, &s1, &e1);
    double low = ((bl + e1) - cl) - n * 0x1.129024e088a68p-123; /* pi/2's next piece */
    double h, l;
    two_sum(s1, low, &h, &l);
    *rh = h;
    *rl = l;
    return (int)(long long)n & 3;
  }
  double h, l;
  int n = rem_pio2_big(ax, &h, &l);
  if (x < 0) {
    *rh = -h;
    *rl = -l;
    return -n & 3;
  }
  *rh = h;
  *rl = l;
  return n;
}

/* sin(h + l) for |h| <= pi/4 + a little: Taylor series to x^25. */
static double sin_dd(double h, double l, double *tail) {
  double z = h * h;
  double p = -1.0 / 15511210043330985984000000.0; /* -1/25! */
  p = p * z + 1.0 / 25852016738884976640000.0;
  p = p * z - 1.0 / 51090942171709440000.0;
  p = p * z + 1.0 / 121645100408832000.0;
  p = p * z - 1.0 / 355687428096000.0;
  p = p * z + 1.0 / 1307674368000.0;
  p = p * z - 1.0 / 6227020800.0;
  p = p * z + 1.0 / 39916800.0;
  p = p * z - 1.0 / 362880.0;
  p = p * z + 1.0 / 5040.0;
  p = p * z - 1.0 / 120.0;
  p = p * z + 1.0 / 6.0;
  /* sin(h + l) = h - h^3 p + l cos(h) */
  double zh, zl;
  two_prod(h, h, &zh, &zl);
  double c3 = h * zh; /* h^3 (its error is far below the result's ulp) */
  double r, e;
  fast_two_sum(h, l * (1.0 - 0.5 * z) - c3 * p, &r, &e);
  *tail = e;
  return r;
}

/* cos(h + l) for |h| <= pi/4 + a little: 1 - h^2/2 + ..., to x^26. */
static double cos_dd(double h, double l, double *tail_out) {
  double z = h * h;
  double p = -1.0 / 403291461126605635584000000.0; /* -1/26! */
  p = p * z + 1.0 / 620448401733239439360000.0;
  p = p * z - 1.0 / 1124000727777607680000.0;
  p = p * z + 1.0 / 2432902008176640000.0;
  p = p * z - 1.0 / 6402373705728000.0;
  p = p * z + 1.0 / 20922789888000.0;
  p = p * z - 1.0 / 87178291200.0;
  p = p * z + 1.0 / 479001600.0;
  p = p * z - 1.0 / 3628800.0;
  p = p * z + 1.0 / 40320.0;
  p = p * z - 1.0 / 720.0;
  p = p * z + 1.0 / 24.0;
  /* cos = 1 - z/2 + z^2 p - l sin(h); 1 - z/2 in double-double */
  double zh, zl;
  two_prod(h, h, &zh, &zl);
  double hz = 0.5 * zh;
  double a = 1.0 - hz;
  double tail = ((1.0 - a) - hz) - 0.5 * zl;
  double r, e;
  fast_two_sum(a, tail + (zh * zh * p - l * h), &r, &e);
  *tail_out = e;
  return r;
}

static double sin_nc(double x) {
  if (x != x) return quiet(x);
  if (x == HUGE_VAL || x == -HUGE_VAL) return DEFAULT_NAN;
  if (fabs(x) < 0x1p-26) return x;
  double h, l, t;
  int n = rem_pio2(x, &h, &l);
  switch (n) {
    case 0: return sin_dd(h, l, &t);
    case 1: return cos_dd(h, l, &t);
    case 2: return -sin_dd(h, l, &t);
    default: return -cos_dd(h, l, &t);
  }
}

static double cos_nc(double x) {
  if (x != x) return quiet(x);
  if (x == HUGE_VAL || x == -HUGE_VAL) return DEFAULT_NAN;
  if (fabs(x) < 0x1p-27) return 1.0;
  double h, l, t;
  int n = rem_pio2(x, &h, &l);
  switch (n) {
    case 0: return cos_dd(h, l, &t);
    case 1: return -sin_dd(h, l, &t);
    case 2: return -cos_dd(h, l, &t);
    default: return sin_dd(h, l, &t);
  }
}

static double tan_nc(double x) {
  if (x != x) return quiet(x);
  if (x == HUGE_VAL || x == -HUGE_VAL) return DEFAULT_NAN;
  if (fabs(x) < 0x1p-27) return x;
  double h, l;
  int n = rem_pio2(x, &h, &l);
  /* sin / cos, each a double-double */
  double sl, cl;
  double s = sin_dd(h, l, &sl), c = cos_dd(h, l, &cl);
  if (n & 1) return div_dd(-c, -cl, s, sl);
  return div_dd(s, sl, c, cl);
}

/*
 * Payne-Hanek: ax * 2/pi mod 4 from 192 bits of 2/pi around ax's exponent, exactly in
 * 24-bit limbs; then the fraction, nearest to 0, times pi/2. ax >= 2^20.
 */
static int rem_pio2_big(double ax, double *rh, double *rl) {
  u64 b = bits(ax);
  int ex = (int)(b >> 52) - 1075; /* ax = m 2^ex */
  u64 m = (b & 0x000FFFFFFFFFFFFFULL) | 0x0010000000000000ULL;
  int i0 = ex - 2 >= 0 ? (ex - 2) / 24 : 0;
  unsigned mm[3];
  mm[0] = (unsigned)(m & 0xFFFFFF);
  mm[1] = (unsigned)((m >> 24) & 0xFFFFFF);
  mm[2] = (unsigned)(m >> 48);
  u64 acc[12];
  unsigned limb[12]; /* the product, least significant limb first */
  for (int k = 0; k < 12; k++) acc[k] = 0;
  for (int t = 0; t < 8; t++) {
    u64 c = (unsigned)TWO_OVER_PI[i0 + 7 - t]; /* limb t of C */
    for (int j = 0; j < 3; j++) acc[t + j] += c * mm[j];
  }
  u64 carry = 0;
  for (int k = 0; k < 12; k++) {
    u64 v = acc[k] + carry;
    limb[k] = (unsigned)(v & 0xFFFFFF);
    carry = v >> 24;
  }
  /* value = product * 2^(ex - 24 (i0 + 8)); the units bit is bit u of the product */
  int u = 24 * (i0 + 8) - ex;
  int n = 0;
  for (int q = 0; q < 2; q++) {
    int pos = u + q;
    if ((limb[pos / 24] >> (pos % 24)) & 1) n |= 1 << q;
  }
  /* the fraction: bits u-1 .. 0; if >= 1/2, take fraction - 1 (n + 1) */
  int negative = (limb[(u - 1) / 24] >> ((u - 1) % 24)) & 1;
  if (negative) {
    n++;
    /* two's complement of the low u bits */
    unsigned c = 1;
    for (int k = 0; k * 24 < u; k++) {
      unsigned v = (~limb[k] & 0xFFFFFF) + c;
      limb[k] = v & 0xFFFFFF;
      c = v >> 24;
    }
  }
  /* the highest set bit below u */
  int top = u - 1;
  while (top >= 0 && !((limb[top / 24] >> (top % 24)) & 1)) top--;
  double f = 0, fl = 0;
  if (top >= 0) {
    u64 a = 0, c = 0;
    for (int i = 0; i < 53; i++) {
      int p = top - i;
      a = (a << 1) | (p >= 0 ? (limb[p / 24] >> (p % 24)) & 1 : 0);
    }
    for (int i = 53; i < 106; i++) {
      int p = top - i;
      c = (c << 1) | (p >= 0 ? (limb[p / 24] >> (p % 24)) & 1 : 0);
    }
    /* fraction = a 2^(top - 52 - u) + c 2^(top - 105 - u) */
    f = scale((double)a, top - 52 - u);
    fl = scale((double)c, top - 105 - u);
  }
  double ph, pl;
  two_prod(f, PIO2, &ph, &pl);
  pl += f * PIO2_LO + fl * PIO2;
  if (negative) {
    ph = -ph;
    pl = -pl;
  }
  fast_two_sum(ph, pl, rh, rl);
  return n & 3;
}

/* ---- atan, asin, acos, atan2 ---- */

/* atan(t) for |t| <= 0.26: t - t^3/3 + ..., to t^35; the result t + tail. */
static double atan_small(double t, double *tail) {
  double z = t * t;
  double p = -1.0 / 35;
  p = p * z + 1.0 / 33;
  p = p * z - 1.0 / 31;
  p = p * z + 1.0 / 29;
  p = p * z - 1.0 / 27;
  p = p * z + 1.0 / 25;
  p = p * z - 1.0 / 23;
  p = p * z + 1.0 / 21;
  p = p * z - 1.0 / 19;
  p = p * z + 1.0 / 17;
  p = p * z - 1.0 / 15;
  p = p * z + 1.0 / 13;
  p = p * z - 1.0 / 11;
  p = p * z + 1.0 / 9;
  p = p * z - 1.0 / 7;
  p = p * z + 1.0 / 5;
  p = p * z - 1.0 / 3;
  *tail = t * z * p;
  return t;
}

/*
 * atan of a positive finite a plus its tail al: atan(a) = atan(c) + atan((a - c) / (1 + a c))
 * with c in {0, 1/2, 1, 3/2, infinity} nearest to a, so that |t| <= 0.26.
 */
static double atan_pos(double a, double al) {
  double ch, cl, t, tl = 0;
  if (a < 0.2617) {
    ch = 0;
    cl = 0;
    t = a;
    tl = al;
  } else {
    double c;
    if (a < 0.75) {
      c = 0.5;
      ch = ATAN_HALF;
      cl = ATAN_HALF_LO;
    } else if (a < 1.25) {
      c = 1.0;
      ch = PIO4;
      cl = PIO4_LO;
    } else if (a < 2.5) {
      c = 1.5;
      ch = ATAN_3HALF;
      cl = ATAN_3HALF_LO;
    } else {
      c = 0;
      ch = PIO2;
      cl = PIO2_LO;
    }
    if (c == 0 && a > 0x1p60) {
      t = -1.0 / a;
      tl = 0;
    } else if (c == 0) {
      /* atan(a) = pi/2 - atan(1/a) */
      double q = 1.0 / a;
      double ph, pl;
      two_prod(q, a, &ph, &pl);
      double ql = (((1.0 - ph) - pl) - q * al) / a;
      t = -q;
      tl = -ql;
    } else {
      /* t = (a - c) / (1 + a c), numerator exact, denominator in double-double */
      double num = a - c;
      double dh, dl;
      two_prod(a, c, &dh, &dl);
      double d, de;
      fast_two_sum(1.0, dh, &d, &de);
      de += dl + al * c;
      t = num / d;
      double ph, pl;
      two_prod(t, d, &ph, &pl);
      tl = (((num - ph) - pl) + al - t * de) / d;
    }
  }
  double tail;
  atan_small(t, &tail);
  /* ch + t + (cl + tl + tail) */
  double s, e;
  two_sum(ch, t, &s, &e);
  return s + (e + (cl + tl + tail));
}

double atan(double x) {
  if (x != x) return quiet(x);
  if (x == HUGE_VAL) return PIO2;
  if (x == -HUGE_VAL) return -PIO2;
  if (fabs(x) < 0x1p-27) return x;
  return x < 0 ? -atan_pos(-x, 0) : atan_pos(x, 0);
}

static double atan2_nc(double y, double x) {
  if (x != x || y != y) return x + y;
  int sy = signbit(y), sx = signbit(x);
  if (y == 0) {
    if (sx) return sy ? -PI : PI;
    return y;
  }
  if (x == 0) return sy ? -PIO2 : PIO2;
  if (x == HUGE_VAL || x == -HUGE_VAL) {
    if (y == HUGE_VAL || y == -HUGE_VAL) {
      double r = sx ? 3 * PIO4 : PIO4;
      return sy ? -r : r;
    }
    if (sx) return sy ? -PI : PI;
    return sy ? -0.0 : 0.0;
  }
  if (y == HUGE_VAL || y == -HUGE_VAL) return sy ? -PIO2 : PIO2;
  double ay = fabs(y), ax = fabs(x);
  /* a = ay / ax with its tail; scaled first so that neither underflows nor overflows */
  int ey = (int)(bits(ay) >> 52), ex = (int)(bits(ax) >> 52);
  double r;
  if (ey - ex > 60) {
    r = PIO2 + PIO2_LO;
  } else if (ex - ey > 60 && !sx) {
    r = ay / ax; /* atan(a) = a to the last bit */
  } else {
    int shift = 0;
    if (ex < 100 || ey < 100) shift = 600;
    if (ex > 2000 || ey > 2000) shift = -600;
    double sy2 = scale(ay, shift), sx2 = scale(ax, shift);
    double a = sy2 / sx2;
    double ph, pl;
    two_prod(a, sx2, &ph, &pl);
    double al = ((sy2 - ph) - pl) / sx2;
    if (a == 0) {
      r = a;
    } else {
      r = atan_pos(a, al);
    }
    if (sx) {
      /* pi - atan(a), with pi's tail */
      double s, e;
      two_sum(PI, -r, &s, &e);
      r = s + (e + PI_LO);
    }
    return sy ? -r : r;
  }
  if (sx) r = PI - r;
  return sy ? -r : r;
}

/*
 * asin(ax) for 0 <= ax < 1 = atan(ax / sqrt((1 - ax)(1 + ax))), with 1 - ax^2 and the
 * quotient carried in double-double.
 */
static double asin_pos(double ax) {
  double ph, pl;
  two_prod(ax, ax, &ph, &pl);
  double d, de;
  fast_two_sum(1.0, -ph, &d, &de);
  de -= pl;
  double s = sqrt(d);
  /* sqrt(d + de) = s + (d - s^2 + de) / (2 s) */
  double sh, sl;
  two_prod(s, s, &sh, &sl);
  double st = (((d - sh) - sl) + de) / (2 * s);
  double a = ax / s;
  double qh, ql;
  two_prod(a, s, &qh, &ql);
  double al = (((ax - qh) - ql) - a * st) / s;
  return atan_pos(a, al);
}

static double asin_nc(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  if (ax > 1.0) return POSITIVE_NAN;
  if (ax == 1.0) return x > 0 ? PIO2 : -PIO2;
  if (ax < 0x1p-27) return x;
  double r = asin_pos(ax);
  return x < 0 ? -r : r;
}

static double acos_nc(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  if (ax > 1.0) return POSITIVE_NAN;
  if (x == 1.0) return 0.0;
  if (x == -1.0) return PI;
  if (ax < 0x1p-57) return PIO2;
  /* acos(x) = pi/2 - asin(x) for small |x|, else 2 atan(sqrt((1 - x) / (1 + x))) */
  if (ax <= 0.5) {
    double r = asin_pos(ax);
    if (x < 0) {
      double h, l;
      two_sum(PIO2, r, &h, &l);
      return h + (l + PIO2_LO);
    }
    double h, l;
    two_sum(PIO2, -r, &h, &l);
    return h + (l + PIO2_LO);
  }
  /* (1 - x) / (1 + x), each in double-double */
  double num, numl, den, denl;
  two_sum(1.0, -x, &num, &numl);
  two_sum(1.0, x, &den, &denl);
  double q = num / den;
  double ph, pl;
  two_prod(q, den, &ph, &pl);
  double qt = (((num - ph) - pl) + numl - q * denl) / den;
  double s = sqrt(q);
  double sh, sl;
  two_prod(s, s, &sh, &sl);
  double st = (((q - sh) - sl) + qt) / (2 * s);
  double r = atan_pos(s, st);
  return 2 * r;
}

/* ---- hyperbolic ---- */

static double sinh_nc(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  double r;
  if (ax < 0x1p-27) return x;
  if (ax < 22) {
    /* (e - 1/e) / 2 with E = expm1(ax): (E + E / (E + 1)) / 2 */
    double eh, el;
    expm1_dd(ax, &eh, &el);
    double dh, dl;
    two_sum(eh, 1.0, &dh, &dl);
    dl += el;
    /* E / (E + 1) as a double-double */
    double q = eh / dh;
    double ph, pl;
    two_prod(q, dh, &ph, &pl);
    double ql = ((((eh - ph) - pl) + el) - q * dl) / dh;
    double s, e;
    two_sum(eh, q, &s, &e);
    r = 0.5 * (s + (e + el + ql));
  } else if (ax < 709.7) {
    r = 0.5 * exp(ax);
  } else {
    /* exp(ax) / 2 = exp(ax - ln 2) */
    double h, l;
    two_sum(ax, -LN2_HI, &h, &l);
    r = exp_dd(h, l - LN2_LO);
  }
  return x < 0 ? -r : r;
}

static double cosh_nc(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  if (ax < 0x1p-27) return 1.0;
  if (ax < 22) {
    double E = exp(ax);
    return 0.5 * E + 0.5 / E;
  }
  if (ax < 709.7) return 0.5 * exp(ax);
  double h, l;
  two_sum(ax, -LN2_HI, &h, &l);
  return exp_dd(h, l - LN2_LO);
}

double tanh(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  double r;
  if (ax < 0x1p-27) return x;
  if (ax > 22) {
    r = 1.0;
  } else {
    /* tanh = E / (E + 2) with E = expm1(2 ax) */
    double eh, el;
    expm1_dd(2 * ax, &eh, &el);
    double dh, dl;
    two_sum(eh, 2.0, &dh, &dl);
    r = div_dd(eh, el, dh, dl + el);
  }
  return x < 0 ? -r : r;
}

/* ---- fmod, cbrt, hypot ---- */

/*
 * fmod's and remainder's integers for a finite non-zero |x| with bits b: the mantissa with its
 * leading bit at bit 52 (a subnormal's shifted up) and its exponent (below 1 for a subnormal),
 * so that |x| = mantissa 2^(exponent - 1075). Functions without out-parameters, which the
 * compiler inlines.
 */
static int subnormal_shift(u64 b) { return (b >> 52) ? 0 : __builtin_clzll(b) - 11; }
static u64 mantissa(u64 b) { return (b >> 52) ? (b & 0x000FFFFFFFFFFFFFULL) | 0x0010000000000000ULL : b << subnormal_shift(b); }
static int exponent(u64 b) { return (b >> 52) ? (int)(b >> 52) : 1 - subnormal_shift(b); }

/* The bits of mx 2^(e - 1075) for 0 < mx < 2^53 whose value is a double (exact: a subnormal's
   shifted-out bits are zero). */
static u64 packed(u64 mx, int e) {
  int shift = __builtin_clzll(mx) - 11;
  mx <<= shift;
  e -= shift;
  return e <= 0 ? mx >> (1 - e) : ((u64)e << 52) | (mx & 0x000FFFFFFFFFFFFFULL);
}

static double fmod_nc(double x, double y) {
  u64 bx = bits(x), by = bits(y);
  u64 sx = bx & SIGN;
  bx &= ~SIGN;
  by &= ~SIGN;
  if (bx >= 0x7FF0000000000000ULL || by > 0x7FF0000000000000ULL || by == 0) {
    if (x != x || y != y) return x + y;
    return DEFAULT_NAN; /* x infinite or y zero */
  }
  if (bx < by) return x;
  /* integer mantissas and exponents */
  int ex = exponent(bx), ey = exponent(by);
  u64 mx = mantissa(bx), my = mantissa(by);
  /* long division, one bit at a time: mx 2^ex mod my 2^ey */
  for (; ex > ey; ex--) {
    if (mx >= my) mx -= my;
    mx <<= 1;
  }
  if (mx >= my) mx -= my;
  if (mx == 0) return from_bits(sx);
  return from_bits(packed(mx, ey) | sx);
}

double cbrt(double x) {
  if (x != x) return quiet(x);
  if (x == 0 || x == HUGE_VAL || x == -HUGE_VAL) return x;
  double ax = fabs(x);
  int shift = 0;
  if (ax < 0x1p-1000) {
    ax *= 0x1p120;
    shift = -40;
  } else if (ax > 0x1p1000) {
    ax *= 0x1p-120;
    shift = 40;
  }
  /* a first guess from the exponent, then Newton steps */
  u64 b = bits(ax);
  int e = (int)(b >> 52) - 1023;
  int e3 = e >= 0 ? e / 3 : -((-e + 2) / 3);
  double y = pow2(e3) * 1.26;
  for (int i = 0; i < 7; i++) y = y - (y - ax / (y * y)) / 3.0;
  /* a final correction in double-double: y + (ax - y^3) / (3 y^2) */
  double y2h, y2l;
  two_prod(y, y, &y2h, &y2l);
  double y3h, y3l;
  two_prod(y2h, y, &y3h, &y3l);
  y3l += y2l * y;
  double res = ((ax - y3h) - y3l) / (3.0 * y2h);
  /* y + res, res ~ ulp(y): one more exact residual to round y + res correctly (nearly) */
  double yn = y + res;
  two_prod(yn, yn, &y2h, &y2l);
  two_prod(y2h, yn, &y3h, &y3l);
  y3l += y2l * yn;
  res = ((ax - y3h) - y3l) / (3.0 * y2h);
  y = yn + res;
  if (shift) y = scale(y, shift);
  return x < 0 ? -y : y;
}

static double hypot_nc(double x, double y) {
  if (x == HUGE_VAL || x == -HUGE_VAL || y == HUGE_VAL || y == -HUGE_VAL) return HUGE_VAL;
  if (x != x || y != y) return x + y;
  double ax = fabs(x), ay = fabs(y);
  if (ax < ay) {
    double t = ax;
    ax = ay;
    ay = t;
  }
  if (ay == 0) return ax;
  int ea = (int)(bits(ax) >> 52), eb = (int)(bits(ay) >> 52);
  if (ea - eb > 60) return ax + ay;
  /* scale ax to about 1 (ay is then above 2^-62) */
  int shift = 1023 - ea;
  ax = scale(ax, shift);
  ay = scale(ay, shift);
  double ah, al, bh, bl;
  two_prod(ax, ax, &ah, &al);
  two_prod(ay, ay, &bh, &bl);
  double s, e;
  two_sum(ah, bh, &s, &e);
  e += al + bl;
  double h, l;
  fast_two_sum(s, e, &h, &l);
  double r = sqrt(h);
  double rh, rl;
  two_prod(r, r, &rh, &rl);
  r = r + (((h - rh) - rl) + l) / (2 * r);
  return scale(r, -shift);
}

/* ---- float versions: computed in double, rounded once ---- */

float atanf(float x) { return (float)atan(x); }
float tanhf(float x) { return (float)tanh(x); }
float cbrtf(float x) { return (float)cbrt(x); }

/* ---- frexp, ldexp, scalbn, modf, round, lround, rint: exact, on the bits ---- */

#define FRAC64 0x000FFFFFFFFFFFFFULL
#define QUIET64 0x0008000000000000ULL


/* a float times 2^n is exact in double down to the float subnormals: one rounding, to float */

double frexp(double x, int *e) {
  u64 b = bits(x);
  int be = (int)((b >> 52) & 0x7FF);
  if (be == 0x7FF || (b << 1) == 0) { /* zero, infinity, NaN: as they are, exponent 0 */
    *e = 0;
    return x + x; /* keeps -0, quiets a NaN */
  }
  int shift = 0;
  if (be == 0) { /* subnormal: normalize exactly */
    b = bits(x * 0x1p54);
    be = (int)((b >> 52) & 0x7FF);
    shift = 54;
  }
  *e = be - 1022 - shift;
  return from_bits((b & ~(0x7FFULL << 52)) | (1022ULL << 52));
}

float frexpf(float x, int *e) {
  unsigned b = __wasmformer_f32_bits(x);
  int be = (int)((b >> 23) & 0xFF);
  if (be == 0xFF || (b << 1) == 0) {
    *e = 0;
    return x + x;
  }
  int shift = 0;
  if (be == 0) {
    b = __wasmformer_f32_bits(x * 0x1p25f);
    be = (int)((b >> 23) & 0xFF);
    shift = 25;
  }
  *e = be - 126 - shift;
  return __wasmformer_bits_f32((b & ~(0xFFu << 23)) | (126u << 23));
}

/* softfloat.c's rounding to an integral value: 0 trunc, 4 to nearest even */
u64 __wf_integral(u64 x, int mode);
unsigned __wf_integral32(unsigned x, int mode);

double modf(double x, double *ip) {
  u64 b = bits(x);
  if ((b & ~SIGN) > 0x7FF0000000000000ULL) { /* NaN: both parts are it */
    *ip = x + x;
    return x + x;
  }
  double t = from_bits(__wf_integral(b, 0));
  *ip = t;
  /* x - t is exact; an integral x (an infinity too) has a zero fraction of its sign */
  return from_bits(bits(x == t ? 0.0 : x - t) | (b & SIGN));
}

float modff(float x, float *ip) {
  unsigned b = __wasmformer_f32_bits(x);
  if ((b & 0x7FFFFFFFu) > 0x7F800000u) {
    *ip = x + x;
    return x + x;
  }
  float t = __wasmformer_bits_f32(__wf_integral32(b, 0));
  *ip = t;
  return __wasmformer_bits_f32(__wasmformer_f32_bits(x == t ? 0.0f : x - t) | (b & 0x80000000u));
}

/* to the nearest integer, halfway cases away from zero */
static u64 round_bits(u64 x) {
  int be = (int)((x >> 52) & 0x7FF);
  if (be >= 1075) return (x & ~SIGN) > 0x7FF0000000000000ULL ? x | QUIET64 : x; /* integral, infinite or NaN */
  if (be < 1022) return x & SIGN;                                  /* |x| < 0.5 */
  if (be == 1022) return (x & SIGN) | 0x3FF0000000000000ULL;       /* [0.5, 1) */
  u64 mask = FRAC64 >> (be - 1023);                                /* the fraction's bits */
  return (x + ((mask + 1) >> 1)) & ~mask; /* half a unit onto the magnitude; a carry goes into the exponent */
}

static unsigned round_bits32(unsigned x) {
  int be = (int)((x >> 23) & 0xFF);
  if (be >= 150) return (x & 0x7FFFFFFFu) > 0x7F800000u ? x | 0x400000u : x;
  if (be < 126) return x & 0x80000000u;
  if (be == 126) return (x & 0x80000000u) | 0x3F800000u;
  unsigned mask = 0x7FFFFFu >> (be - 127);
  return (x + ((mask + 1) >> 1)) & ~mask;
}

double round(double x) { return from_bits(round_bits(bits(x))); }
float roundf(float x) { return __wasmformer_bits_f32(round_bits32(__wasmformer_f32_bits(x))); }
double rint(double x) { return from_bits(__wf_integral(bits(x), 4)); }
double nearbyint(double x) { return rint(x); }
float rintf(float x) { return __wasmformer_bits_f32(__wf_integral32(__wasmformer_f32_bits(x), 4)); }
float nearbyintf(float x) { return rintf(x); }

/* An integral r as a long (long): a NaN or a value out of range gives the smallest value of
   the type, as x86's conversion does. */
static long to_long(double r) {
  return r >= -2147483648.0 && r < 2147483648.0 ? (long)r : (long)(-2147483647 - 1);
}

static long long to_long_long(double r) {
  return r >= -0x1p63 && r < 0x1p63 ? (long long)r : (long long)(-9223372036854775807LL - 1);
}

long lround(double x) { return to_long(round(x)); }
long long llround(double x) { return to_long_long(round(x)); }
long lroundf(float x) { return lround(x); }
long long llroundf(float x) { return llround(x); }
long lrint(double x) { return to_long(rint(x)); }
long long llrint(double x) { return to_long_long(rint(x)); }
long lrintf(float x) { return lrint(x); }
long long llrintf(float x) { return llrint(x); }

float copysignf(float x, float y) {
  return __wasmformer_bits_f32((__wasmformer_f32_bits(x) & 0x7FFFFFFFu) | (__wasmformer_f32_bits(y) & 0x80000000u));
}

float fminf(float x, float y) {
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  return x < y ? x : y;
}

float fmaxf(float x, float y) {
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  return x > y ? x : y;
}

/* ---- erf, erfc ---- */

/*
 * erf(x) = x * sum ERF_C[n] x^(2n), ERF_C[n] = (-1)^n 2 / (sqrt(pi) n! (2n+1)) as double-doubles
 * (the Taylor series, computed with 300-bit arithmetic): for |x| < 2 it is summed in
 * double-double, where x^2 < 4 needs at most 52 terms for 2^-106.
 */
static const double ERF_C[][2] = {
    {0x1.20dd750429b6dp+0, 0x1.1ae3a914fed80p-56},
    {-0x1.812746b0379e7p-2, 0x1.ee12e49cab700p-57},
    {0x1.ce2f21a042be2p-4, -0x1.2871bc5e00766p-58},
    {-0x1.b82ce31288b51p-6, 0x1.1015978e7ac92p-61},
    {0x1.565bcd0e6a53fp-8, -0x1.a73e0832f7e39p-64},
    {-0x1.c02db40040b86p-11, 0x1.d9a497a0f8b0ep-65},
    {0x1.f9a326f9b89b7p-14, 0x1.e9a2341c71459p-68},
    {-0x1.f4d25c3e0c2ebp-17, -0x1.79b1b9b5c586cp-71},
    {0x1.b9e6c9dc651a3p-20, -0x1.fe08d49bd93ddp-74},
    {-0x1.5f742ec43e71ap-23, 0x1.d28f03df991d8p-80},
    {0x1.fcc5720624c1cp-27, -0x1.92e82d499b600p-82},
    {-0x1.51d7181c5d36dp-30, 0x1.edfe29582f8a2p-84},
    {0x1.9e6ad5e55a730p-34, -0x1.bf57a648fd29ep-89},
    {-0x1.d8453cb0c46eap-38, 0x1.08bb682a55bf7p-93},
    {0x1.f683ae4a97007p-42, -0x1.1f20dde18eb91p-96},
    {-0x1.f56f071a885cfp-46, 0x1.cc7b158f0ad67p-100},
    {0x1.d70b3537f4765p-50, -0x1.e1ac82fcae896p-107},
    {-0x1.a2007af3447f6p-54, 0x1.f33fa807de704p-109},
    {0x1.5f7919bc67b8cp-58, -0x1.ed97289411e80p-113},
    {-0x1.18cc8a061c479p-62, -0x1.51a1c2e0d5f43p-116},
    {0x1.ab5cc31489f29p-67, 0x1.8a80d6de77f1fp-124},
    {-0x1.3676fc48c133cp-71, -0x1.3c978a883a127p-126},
    {0x1.af83c2fb19fa6p-76, -0x1.49854ad5049e8p-131},
    {-0x1.1f690c2b2753ap-80, -0x1.ed29062c77d57p-136},
    {0x1.6f928977a0028p-85, -0x1.ff0ebf550c307p-139},
    {-0x1.c40abff27ce65p-90, -0x1.789472e284a7ap-145},
    {0x1.0baeaddb047b0p-94, 0x1.b502d1f6b754cp-149},
    {-0x1.31b7776e54127p-99, -0x1.02b8ede7dc88ep-156},
    {0x1.512193be51298p-104, 0x1.d727bafee189bp-160},
    {-0x1.67657a57148a3p-109, -0x1.6ec16ca316412p-163},
    {0x1.72c97f9dd3b8dp-114, 0x1.965b8f22ccd15p-168},
    {-0x1.7298e545013acp-119, -0x1.8fdb93e9a1966p-173},
    {0x1.6731bac4d9ceap-124, 0x1.47c2243edd0bfp-181},
    {-0x1.51e98b3b1916bp-129, 0x1.7074705acf9a1p-184},
    {0x1.34d111e701528p-134, -0x1.b280ac84c0587p-189},
    {-0x1.1264ac150f151p-139, 0x1.4f91415f0dab0p-198},
    {0x1.da7210371d95dp-145, -0x1.c4d369b25a3c5p-201},
    {-0x1.8f639dd720316p-150, 0x1.6cac89be6576bp-204},
    {0x1.479786e3e5e92p-155, 0x1.861193f988191p-210},
    {-0x1.05fd0bbdfc959p-160, 0x1.63e38d4b12b47p-216},
    {0x1.98d4d5028c0d7p-166, -0x1.9960fd99cfac3p-220},
    {-0x1.37662752cf547p-171, -0x1.d03bba82f22e9p-225},
    {0x1.cf590a2e0f10dp-177, 0x1.ee9fad1eff2dcp-232},
    {-0x1.50e3e0ce7b515p-182, 0x1.f7ac38ae50e90p-236},
    {0x1.df02a3457d653p-188, 0x1.b8798657fe1f2p-246},
    {-0x1.4d24a7d0ce3d4p-193, 0x1.fddb5e4cb619cp-251},
    {0x1.c5892686a9777p-199, -0x1.fd2f44f11a9ffp-253},
    {-0x1.2e4a191adbb5bp-204, -0x1.92583cd690e24p-259},
    {0x1.8abe02df55730p-210, -0x1.5b49ea9de9f3ep-265},
    {-0x1.f92a784dac4f6p-216, -0x1.58c5256096e4ep-270},
    {0x1.3ce771495cfd0p-221, -0x1.e8d489a090d95p-276},
    {-0x1.85f626e9d8b7dp-227, -0x1.9591833b79f06p-283},
};
#define ERF_TERMS (int)(sizeof ERF_C / sizeof ERF_C[0])
#define INV_SQRT_PI 0x1.20dd750429b6dp-1
#define INV_SQRT_PI_LO 0x1.1ae3a914fed80p-57

/* (ah + al) * (bh + bl), to about 2^-104 */
static void mul_dd(double ah, double al, double bh, double bl, double *h, double *l) {
  double p, e;
  two_prod(ah, bh, &p, &e);
  e += ah * bl + al * bh;
  fast_two_sum(p, e, h, l);
}

/* (ah + al) + (bh + bl) */
static void add_dd(double ah, double al, double bh, double bl, double *h, double *l) {
  double s, e;
  two_sum(ah, bh, &s, &e);
  e += al + bl;
  fast_two_sum(s, e, h, l);
}

/*
 * erf(x) for 0 <= x < 2 as a double-double (x not tiny: x^2 must not underflow), to about
 * 2^-70 relative, which 1 - erf(x) near 2 (erfc(2) = 0.0047) needs. By Horner's rule, the terms
 * below 2^-40 of the sum (which is at least 0.49 x) in double, the others in double-double.
 */
static void erf_series(double x, double *h, double *l) {
  double zh, zl;
  two_prod(x, x, &zh, &zl);
  int n = 1, split = 0;
  double bound = 1.0;
  while (n < ERF_TERMS - 1) {
    bound *= zh;
    double c = ERF_C[n][0] < 0 ? -ERF_C[n][0] : ERF_C[n][0];
    if (split == 0 && c * bound < 0x1p-40) split = n;
    if (c * bound < 0x1p-72) break;
    n++;
  }
  if (split == 0) split = n;
  double sh = ERF_C[n][0], sl = ERF_C[n][1];
  if (n > split) {
    while (n > split) sh = sh * zh + ERF_C[--n][0];
    sl = 0.0;
  }
  while (--n >= 0) {
    mul_dd(sh, sl, zh, zl, &sh, &sl);
    add_dd(sh, sl, ERF_C[n][0], ERF_C[n][1], &sh, &sl);
  }
  mul_dd(sh, sl, x, 0.0, h, l);
}

/*
 * erfc(x) for x >= 2 as a double-double, without the factor 2^k (*k) of exp(-x^2): exp(-x^2)/sqrt(pi)
 * times Laplace's continued fraction 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from
 * its tail (enough terms for 2^-62 at each x), the last two steps in double-double.
 */
static void erfc_large(double x, int *k, double *h, double *l) {
  int n = x < 2.5 ? 90 : x < 3 ? 60 : x < 4 ? 45 : x < 6 ? 32 : 20;
  double t = 0.0;
  for (; n >= 2; n--) t = 0.5 * n / (x + t);
  /* t1 = (1/2) / (x + t), g = 1 / (x + t1), in double-double */
  double dh, dl, qh, ql, p, e;
  two_sum(x, t, &dh, &dl);
  qh = 0.5 / dh;
  two_prod(qh, dh, &p, &e);
  ql = ((0.5 - p) - e - qh * dl) / dh;
  add_dd(x, 0.0, qh, ql, &dh, &dl);
  qh = 1.0 / dh;
  two_prod(qh, dh, &p, &e);
  ql = ((1.0 - p) - e - qh * dl) / dh;
  double xh, xl;
  two_prod(x, x, &xh, &xl);
  double eh, el;
  exp_core(-xh, -xl, k, &eh, &el);
  mul_dd(eh, el, qh, ql, &eh, &el);
  mul_dd(eh, el, INV_SQRT_PI, INV_SQRT_PI_LO, h, l);
}

double erf(double x) {
  u64 b = bits(x);
  double ax = from_bits(b & ~SIGN);
  double r;
  if (ax != ax) return x + x;
  if (ax < 0x1p-500) {
    /* erf(x) = 2x/sqrt(pi) to 2^-1000: scaled up, so that the product's tail does not underflow */
    double y = ax * 0x1p600;
    r = (y * (2 * INV_SQRT_PI) + y * (2 * INV_SQRT_PI_LO)) * 0x1p-600;
  } else if (ax < 2.0) {
    double h, l;
    erf_series(ax, &h, &l);
    r = h + l;
  } else if (ax < 6.0) {
    int k;
    double h, l;
    erfc_large(ax, &k, &h, &l);
    double s = pow2(k);
    r = (1.0 - h * s) - l * s;
  } else {
    r = 1.0;
  }
  return from_bits(bits(r) | (b & SIGN));
}

static double erfc_nc(double x) {
  u64 b = bits(x);
  double ax = from_bits(b & ~SIGN);
  int negative = (int)(b >> 63);
  if (ax != ax) return x + x;
  if (ax < 0x1p-60) return 1.0 - x; /* 1 - 2x/sqrt(pi) rounds to 1 - x */
  if (ax < 2.0) {
    double h, l, s, e;
    erf_series(ax, &h, &l);
    if (negative) {
      two_sum(1.0, h, &s, &e);
    } else {
      two_sum(1.0, -h, &s, &e);
      l = -l;
    }
    return s + (e + l);
  }
  if (!negative && ax > 27.3) return 0x1p-1022 * 0x1p-1022; /* underflows to 0 */
  if (negative && ax >= 6.0) return 2.0;
  int k;
  double h, l;
  erfc_large(ax, &k, &h, &l);
  if (negative) {
    double s = pow2(k);
    return (2.0 - h * s) - l * s;
  }
  return scale(h + l, k);
}

float erff(float x) { return (float)erf(x); }

/* ---- fdim, remainder, remquo, ilogb, logb, nextafter, fma: exact, on the bits ---- */

static double fdim_nc(double x, double y) {
  return x <= y ? 0.0 : x - y; /* a NaN operand: x - y propagates it */
}

static float fdimf_nc(float x, float y) {
  return x <= y ? 0.0f : x - y; /* in float: one rounding */
}

/*
 * remainder(x, y) = x - n y with n the integer nearest x / y (even on a tie), exactly; *quo
 * receives glibc's remquo quotient: the truncated quotient's last three bits plus the rounding
 * step (0 .. 8), with the sign of x / y. Finite x, finite nonzero y.
 * fmod's long division, counting the quotient's bits, then one step back if r > |y| / 2.
 */
static double remainder_core(double x, double y, int *quo) {
  u64 bx = bits(x), by = bits(y);
  u64 sx = bx & SIGN;
  int qsign = (int)((bx ^ by) >> 63);
  bx &= ~SIGN;
  by &= ~SIGN;
  unsigned q = 0;
  double r;
  if (bx < by) {
    r = from_bits(bx);
  } else {
    int ex = exponent(bx), ey = exponent(by);
    u64 mx = mantissa(bx), my = mantissa(by);
    for (; ex > ey; ex--) {
      q <<= 1;
      if (mx >= my) {
        mx -= my;
        q |= 1;
      }
      mx <<= 1;
    }
    q <<= 1;
    if (mx >= my) {
      mx -= my;
      q |= 1;
    }
    r = mx == 0 ? 0.0 : from_bits(packed(mx, ey));
  }
  /* 0 <= r < |y|: past |y| / 2 (or on it with n odd), n + 1 and r - |y| (exact: r >= |y| / 2) */
  double ay = from_bits(by);
  double half = ay - r; /* > r exactly when r < |y| / 2, and == r on the tie (then exact) */
  int up = r > half || (r == half && (q & 1));
  if (up) r -= ay;
  /* glibc's quotient bits: the last three of the truncated quotient, plus the step (0 .. 8) */
  q = (q & 7) + up;
  *quo = qsign ? -(int)q : (int)q;
  return from_bits(bits(r) ^ sx);
}

static double remainder_nc(double x, double y) {
  if (x != x || y != y) return x + y;
  if (x == HUGE_VAL || x == -HUGE_VAL || y == 0) return DEFAULT_NAN;
  if (y == HUGE_VAL || y == -HUGE_VAL) return x;
  int q;
  return remainder_core(x, y, &q);
}

double remquo(double x, double y, int *quo) {
  *quo = 0;
  if (x != x || y != y) return x + y;
  if (x == HUGE_VAL || x == -HUGE_VAL || y == 0) return DEFAULT_NAN;
  if (y == HUGE_VAL || y == -HUGE_VAL) return x;
  return remainder_core(x, y, quo);
}

/* the float remainders are exact in double and representable in float */
float remquof(float x, float y, int *quo) { return (float)remquo(x, y, quo); }

static int ilogb_nc(double x) {
  u64 b = bits(x) & ~SIGN;
  if (b == 0 || b > 0x7FF0000000000000ULL) return FP_ILOGB0; /* FP_ILOGBNAN is the same value */
  if (b == 0x7FF0000000000000ULL) return 2147483647;
  int e = (int)(b >> 52);
  if (e == 0) { /* subnormal */
    e = -1022;
    for (b <<= 11; !(b & SIGN); b <<= 1) e--;
    return e;
  }
  return e - 1023;
}


double logb(double x) {
  u64 b = bits(x) & ~SIGN;
  if (b == 0) return -1.0 / fabs(x); /* -inf */
  if (b >= 0x7FF0000000000000ULL) return x * x; /* +inf, or the NaN */
  return (double)ilogb_nc(x);
}

float logbf(float x) {
  unsigned b = __wasmformer_f32_bits(x) & 0x7FFFFFFFu;
  if (b == 0) return -1.0f / fabsf(x);
  if (b >= 0x7F800000u) return x * x;
  return (float)ilogb_nc(x);
}

static double nextafter_nc(double x, double y) {
  if (x != x || y != y) return x + y;
  if (x == y) return y;
  u64 b = bits(x);
  if ((b & ~SIGN) == 0) return from_bits((bits(y) & SIGN) | 1); /* the smallest subnormal */
  if ((x < y) == !(b >> 63)) b++; /* away from zero */
  else b--;
  return from_bits(b);
}

static float nextafterf_nc(float x, float y) {
  if (x != x || y != y) return x + y;
  if (x == y) return y;
  unsigned b = __wasmformer_f32_bits(x);
  if ((b & 0x7FFFFFFFu) == 0) return __wasmformer_bits_f32((__wasmformer_f32_bits(y) & 0x80000000u) | 1);
  if ((x < y) == !(b >> 31)) b++;
  else b--;
  return __wasmformer_bits_f32(b);
}

/* ---- fma: the exact sum x y + z in 128-bit integer limbs, rounded once ---- */

/* a 128-bit magnitude h 2^64 + l */
typedef struct {
  u64 h, l;
} u128;

static u128 mul64(u64 a, u64 b) {
  u64 a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
  u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  u64 mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
  u128 r;
  r.l = (p00 & 0xFFFFFFFFu) | (mid << 32);
  r.h = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return r;
}

static u128 shl128(u128 a, int n) {
  if (n == 0) return a;
  if (n >= 64) {
    a.h = a.l << (n - 64);
    a.l = 0;
  } else {
    a.h = (a.h << n) | (a.l >> (64 - n));
    a.l <<= n;
  }
  return a;
}

/* a >> n, the bits shifted out or'ed into bit 0 (sticky) */
static u128 shr128_sticky(u128 a, int n) {
  if (n <= 0) return a;
  int sticky;
  if (n >= 128) {
    sticky = (a.h | a.l) != 0;
    a.h = a.l = 0;
  } else if (n >= 64) {
    sticky = a.l != 0 || (n > 64 && (a.h << (128 - n)) != 0);
    a.l = n == 64 ? a.h : a.h >> (n - 64);
    a.h = 0;
  } else {
    sticky = (a.l << (64 - n)) != 0;
    a.l = (a.l >> n) | (a.h << (64 - n));
    a.h >>= n;
  }
  a.l |= (u64)sticky;
  return a;
}

static int msb128(u128 a) {
  int n = a.h ? 64 : 0;
  u64 w = a.h ? a.h : a.l;
  while (w >>= 1) n++;
  return n;
}

/* x = m 2^e with a 53-bit integer m (finite nonzero x); returns m */
static u64 unpack(double x, int *e) {
  u64 b = bits(x) & ~SIGN;
  int ex = (int)(b >> 52);
  u64 m = b & 0x000FFFFFFFFFFFFFULL;
  if (ex == 0) {
    ex = 1;
    while (!(m & 0x0010000000000000ULL)) {
      m <<= 1;
      ex--;
    }
  } else {
    m |= 0x0010000000000000ULL;
  }
  *e = ex - 1075;
  return m;
}

/*
 * (-1)^neg m 2^e rounded to nearest even with p significant bits and the least exponent
 * emin of the unit in the last place (53 and -1074 for double, 24 and -149 for float);
 * returns the bits above the sign ((exponent field) << (p - 1) + fraction), or the
 * infinity's bits (inf) when the result overflows.
 */
static u64 round_pack(u128 m, int e, int p, int emin, u64 inf) {
  int top = msb128(m);
  int shift = top - (p - 1);
  if (e + shift < emin) shift = emin - e;
  u64 q;
  if (shift <= 0) {
    q = m.l << -shift;
  } else {
    u64 low;
    if (shift == 1) { /* no bits below the half */
      low = (m.l & 1) << 1;
      q = m.l >> 1;
    } else {
      u128 s = shr128_sticky(m, shift - 2);
      low = s.l & 3; /* bit 1: the half, bit 0: sticky */
      q = s.l >> 2;
    }
    if ((low & 2) && ((low & 1) || (q & 1))) q++;
  }
  /* q < 2^p: exponent field e + shift - emin (+ 1 carried in by q's leading bit) */
  u64 r = ((u64)(e + shift - emin) << (p - 1)) + q;
  return r >= inf ? inf : r;
}

/* the exact x y + z, for finite x, y, z with x y and z nonzero: sign, magnitude, exponent */
static u64 fma_bits(double x, double y, double z, int p, int emin, u64 inf, int *neg) {
  int ex, ey, ez;
  u64 mx = unpack(x, &ex), my = unpack(y, &ey), mz = unpack(z, &ez);
  int sp = signbit(x) ^ signbit(y), sz = signbit(z);
  /* both magnitudes with their leading bit at bit 124 */
  u128 P = mul64(mx, my);
  int sh = 124 - msb128(P);
  P = shl128(P, sh);
  int ep = ex + ey - sh;
  u128 Z;
  Z.h = 0;
  Z.l = mz;
  Z = shl128(Z, 124 - 52);
  ez -= 124 - 52;
  int e;
  if (ep >= ez) {
    Z = shr128_sticky(Z, ep - ez);
    e = ep;
  } else {
    P = shr128_sticky(P, ez - ep);
    e = ez;
  }
  u128 S;
  int sign;
  if (sp == sz) {
    S.l = P.l + Z.l;
    S.h = P.h + Z.h + (S.l < P.l);
    sign = sp;
  } else {
    int pbig = P.h > Z.h || (P.h == Z.h && P.l >= Z.l);
    u128 a = pbig ? P : Z, b = pbig ? Z : P;
    S.l = a.l - b.l;
    S.h = a.h - b.h - (a.l < b.l);
    sign = pbig ? sp : sz;
    if ((S.h | S.l) == 0) {
      *neg = 0; /* an exact zero sum is +0 */
      return 0;
    }
  }
  *neg = sign;
  return round_pack(S, e, p, emin, inf);
}

double fma(double x, double y, double z) {
  /* a NaN operand: the first of y, x, z (x86's vfmadd order, which glibc's fma is) */
  if (y != y) return quiet(y);
  if (x != x) return quiet(x);
  if (z != z) return quiet(z);
  if (fabs(z) == HUGE_VAL && fabs(x) != HUGE_VAL && fabs(y) != HUGE_VAL) return z; /* x y is finite, even if it overflows */
  if (x != x || y != y || z != z || x == 0 || y == 0 || z == 0 ||
      fabs(x) == HUGE_VAL || fabs(y) == HUGE_VAL || fabs(z) == HUGE_VAL) {
    if (z == 0 && x == x && y == y && x != 0 && y != 0 && fabs(x) != HUGE_VAL && fabs(y) != HUGE_VAL) {
      return x * y; /* x y + 0 rounds as x y */
    }
    return x * y + z; /* x y exact (a zero, an infinity or a NaN) */
  }
  int neg;
  u64 r = fma_bits(x, y, z, 53, -1074, 0x7FF0000000000000ULL, &neg);
  return from_bits(r | ((u64)neg << 63));
}

float fmaf(float x, float y, float z) {
  if (y != y) return y + y;
  if (x != x) return x + x;
  if (z != z) return z + z;
  if (x != x || y != y || z != z || x == 0 || y == 0 || z == 0 ||
      fabsf(x) == HUGE_VALF || fabsf(y) == HUGE_VALF || fabsf(z) == HUGE_VALF) {
    return (float)((double)x * y + z); /* the product is exact in double; one rounding */
  }
  int neg;
  u64 r = fma_bits(x, y, z, 24, -149, 0x7F800000u, &neg);
  return __wasmformer_bits_f32((unsigned)r | ((unsigned)neg << 31));
}

/* ---- asinh, acosh, atanh: logarithms of double-double arguments ---- */

/* log(h + l) for a positive finite h, |l| <= ulp(h): log(h) + l / h, as a double-double */
static void log_dd2(double h, double l, double *rh, double *rl) {
  double a, b;
  log_dd(h, &a, &b);
  fast_two_sum(a, b + l / h, rh, rl);
}

/* sqrt(h + l) as a double-double, h > 0 */
static void sqrt_dd(double h, double l, double *rh, double *rl) {
  double r = sqrt(h);
  double sh, sl;
  two_prod(r, r, &sh, &sl);
  fast_two_sum(r, (((h - sh) - sl) + l) / (2 * r), rh, rl);
}

/* log(2 a) for a > 2^28 (the rest of the logarithms is below 2^-58 relative): log a + ln 2 + c */
static double log_twice(double a, double c) {
  double h, l, s, e;
  log_dd(a, &h, &l);
  two_sum(h, LN2_HI, &s, &e);
  return s + (e + l + LN2_LO + c);
}

double asinh(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  double r;
  if (ax < 0x1p-28) return x;
  if (ax == HUGE_VAL) return x;
  if (ax > 0x1p28) {
    /* log(ax + sqrt(ax^2 + 1)) = log(2 ax) + 1 / (4 ax^2) + ... */
    r = log_twice(ax, 0.25 / ax / ax);
  } else {
    /* u = ax + sqrt(ax^2 + 1) in double-double, then log(u) */
    double ph, pl, wh, wl, sh, sl, uh, ul;
    two_prod(ax, ax, &ph, &pl);
    two_sum(1.0, ph, &wh, &wl);
    wl += pl;
    fast_two_sum(wh, wl, &wh, &wl);
    sqrt_dd(wh, wl, &sh, &sl);
    two_sum(sh, ax, &uh, &ul);
    ul += sl;
    fast_two_sum(uh, ul, &uh, &ul);
    double h, l;
    log_dd2(uh, ul, &h, &l);
    r = h + l;
  }
  return x < 0 ? -r : r;
}

static double acosh_nc(double x) {
  if (x != x) return quiet(x);
  if (x < 1.0) return DEFAULT_NAN;
  if (x == 1.0) return 0.0;
  if (x == HUGE_VAL) return x;
  if (x > 0x1p28) return log_twice(x, -0.25 / x / x); /* log(2x) - 1 / (4 x^2) - ... */
  /* u = x + sqrt(x^2 - 1); near 1, x^2 - 1 = d (2 + d) with d = x - 1 exact */
  double wh, wl;
  if (x < 2.0) {
    double d = x - 1.0;
    double ph, pl;
    two_prod(d, d, &ph, &pl);
    two_sum(2.0 * d, ph, &wh, &wl);
    wl += pl;
  } else {
    double ph, pl;
    two_prod(x, x, &ph, &pl);
    two_sum(ph, -1.0, &wh, &wl);
    wl += pl;
  }
  fast_two_sum(wh, wl, &wh, &wl);
  double sh, sl, uh, ul;
  sqrt_dd(wh, wl, &sh, &sl);
  two_sum(x, sh, &uh, &ul);
  ul += sl;
  fast_two_sum(uh, ul, &uh, &ul);
  double h, l;
  log_dd2(uh, ul, &h, &l);
  return h + l;
}

static double atanh_nc(double x) {
  if (x != x) return quiet(x);
  double ax = fabs(x);
  if (ax > 1.0) return DEFAULT_NAN;
  if (ax == 1.0) return x / 0.0;
  if (ax < 0x1p-28) return x;
  /* atanh = log((1 + ax) / (1 - ax)) / 2, the quotient in double-double */
  double nh, nl, dh, dl;
  two_sum(1.0, ax, &nh, &nl);
  two_sum(1.0, -ax, &dh, &dl);
  double qh = nh / dh;
  double ph, pl;
  two_prod(qh, dh, &ph, &pl);
  double ql = ((((nh - ph) - pl) + nl) - qh * dl) / dh;
  fast_two_sum(qh, ql, &qh, &ql);
  double h, l;
  log_dd2(qh, ql, &h, &l);
  double r = 0.5 * (h + l);
  return x < 0 ? -r : r;
}

float asinhf(float x) { return (float)asinh(x); }

/* ---- lgamma, tgamma ---- */

int signgam;

#define EULER 0x1.2788cfc6fb619p-1
#define EULER_LO -0x1.6cb90701fbfabp-58
#define ONE_MINUS_EULER 0x1.b0ee6072093cep-2
#define ONE_MINUS_EULER_LO 0x1.6cb90701fbfabp-58
#define ZETA2_HALF 0x1.a51a6625307d3p-1
#define ZETA2_HALF_LO 0x1.1873d8912200cp-56
#define ZETA2M1_HALF 0x1.4a34cc4a60fa6p-2
#define ZETA2M1_HALF_LO 0x1.1873d8912200cp-56
#define HALF_LOG_2PI 0x1.d67f1c864beb5p-1
#define HALF_LOG_2PI_LO -0x1.65b5a1b7ff5dfp-55
#define LOG_PI 0x1.250d048e7a1bdp+0
#define LOG_PI_LO 0x1.7abf2ad8d5088p-57

/* (-1)^k zeta(k) / k and (-1)^k (zeta(k) - 1) / k for k = 3 .. 30 (300-bit arithmetic, rounded) */
static const double LGAMMA1[] = {-0x1.9a4d55beab2d7p-2, 0x1.151322ac7d848p-2, -0x1.a8b9c17aa6149p-3,
    0x1.5b40cb100c306p-3, -0x1.2703a1dcea3aep-3, 0x1.010b36af86397p-3, -0x1.c806706d57db4p-4,
    0x1.9a01e385d5f8fp-4, -0x1.748c33114c6d6p-4, 0x1.556ad63243bc4p-4, -0x1.3b1d971fc5985p-4,
    0x1.2496df8320c5fp-4, -0x1.11133476e7fe0p-4, 0x1.00010064cdeb2p-4, -0x1.e1e2d311e8abdp-5,
    0x1.c71ce3a20b419p-5, -0x1.af28a1b5688a0p-5, 0x1.9999b3352d5bap-5, -0x1.86186db77bfbfp-5,
    0x1.745d1d1778df9p-5, -0x1.642c88591b66dp-5, 0x1.555556aaafdcdp-5, -0x1.47ae151eb9fb7p-5,
    0x1.3b13b189d925ep-5, -0x1.2f684c00002bcp-5, 0x1.24924936db7bcp-5, -0x1.1a7b961a7b9aap-5,
    0x1.111111155556dp-5};
static const double LGAMMA2[] = {-0x1.13e001a557607p-4, 0x1.51322ac7d8483p-6, -0x1.e404fc218f5f2p-8,
    0x1.7add6eadb6c30p-9, -0x1.38ac5c2bf8e08p-10, 0x1.0b36af86396e9p-11, -0x1.d3fd4c76d2fc8p-13,
    0x1.a127b0f17d65ap-14, -0x1.78de5bd7c81efp-15, 0x1.580dcee66eb02p-16, -0x1.3cbc963ce2243p-17,
    0x1.2597a39f34aacp-18, -0x1.11b2eb7679541p-19, 0x1.0064cdeb22f0fp-20, -0x1.e2600d93cfd2fp-22,
    0x1.c76bbb3f07a4dp-23, -0x1.af5a6cbbf8a97p-24, 0x1.99b93c2070b0fp-25, -0x1.862c734df3eacp-26,
    0x1.7469daccfadcdp-27, -0x1.6434a8447aeadp-28, 0x1.555a877ffd2c3p-29, -0x1.47b1679258d0ep-30,
    0x1.3b15d2b2fc10cp-31, -0x1.2f69a9fabe3e0p-32, 0x1.24932a337434cp-33, -0x1.1a7c26ec2523cp-34,
    0x1.11116e693ed98p-35};

/* the tails of the first eight coefficients of each series (k = 3 .. 10), for double-double sums */
static const double LGAMMA1_LO[] = {0x1.4c26d1b465993p-59, 0x1.b5f91211196e5p-57, -0x1.2e826a4fdae1ap-58,
    0x1.4a79940f15696p-59, -0x1.6307fd0794ac4p-57, -0x1.741a635b224a6p-59, -0x1.56aa806fdd3eep-58,
    0x1.813418f3768cdp-59};
static const double LGAMMA2_LO[] = {0x1.fb68be2f8821fp-58, 0x1.afc89088cb729p-60, 0x1.e4a627cf1eb34p-62,
    -0x1.5b7828c7fd7f4p-64, 0x1.8a4c1cfd9cec8p-65, -0x1.0698d6c892967p-65, 0x1.c7c55cfccbb83p-68,
    0x1.9d309aa700268p-69};

/*
 * c1 t + c2 t^2 + t^3 sum c[k] t^k (c1, c2 double-doubles): lgamma near 1 or 2, to about 2^-75
 * absolute (the terms to t^10 in double-double), which lgamma's zeros near -2.46 and -2.75 need.
 */
static void lgamma_series(double t, const double *c, const double *clo, double c1, double c1l, double c2,
                          double c2l, double *h, double *l) {
  double p = c[27];
  for (int k = 26; k >= 8; k--) p = p * t + c[k];
  double ph = p, pl = 0.0;
  for (int k = 7; k >= 0; k--) {
    mul_dd(ph, pl, t, 0.0, &ph, &pl);
    add_dd(ph, pl, c[k], clo[k], &ph, &pl);
  }
  double t2h, t2l, t3h, t3l;
  two_prod(t, t, &t2h, &t2l);
  mul_dd(t2h, t2l, t, 0.0, &t3h, &t3l);
  mul_dd(t3h, t3l, ph, pl, &ph, &pl);
  double ah, al, bh, bl;
  two_prod(c1, t, &ah, &al);
  al += c1l * t;
  mul_dd(c2, c2l, t2h, t2l, &bh, &bl);
  add_dd(ah, al, bh, bl, &ah, &al);
  add_dd(ah, al, ph, pl, h, l);
}

/* lgamma(y) for y >= 16 (a double-double y): Stirling's series, (y - 1/2) log y - y + log(2 pi) / 2 + ... */
static void lgamma_stirling(double yh, double yl, double *h, double *l) {
  double lh, ll;
  log_dd2(yh, yl, &lh, &ll);
  double mh, ml;
  two_sum(yh, -0.5, &mh, &ml);
  ml += yl;
  mul_dd(mh, ml, lh, ll, &mh, &ml);
  add_dd(mh, ml, -yh, -yl, &mh, &ml);
  double r = 1.0 / yh, r2 = r * r;
  /* B_2k / (2k (2k - 1) y^(2k - 1)), k = 1 .. 10; the first, 1 / (12 y), in double-double */
  double dh, dl;
  two_prod(12.0, yh, &dh, &dl);
  dl += 12.0 * yl;
  double qh = 1.0 / dh, ph, pl;
  two_prod(qh, dh, &ph, &pl);
  double ql = (((1.0 - ph) - pl) - qh * dl) / dh;
  double s = -174611.0 / 125400.0;
  s = s * r2 + 43867.0 / 244188.0;
  s = s * r2 - 3617.0 / 122400.0;
  s = s * r2 + 1.0 / 156.0;
  s = s * r2 - 691.0 / 360360.0;
  s = s * r2 + 1.0 / 1188.0;
  s = s * r2 - 1.0 / 1680.0;
  s = s * r2 + 1.0 / 1260.0;
  s = s * r2 - 1.0 / 360.0;
  add_dd(mh, ml, HALF_LOG_2PI, HALF_LOG_2PI_LO, &mh, &ml);
  add_dd(mh, ml, qh, ql + s * r2 * r, h, l);
}

/* log |gamma(x)| for a finite x > 0, as a double-double */
static void lgamma_pos(double x, double *h, double *l) {
  if (x >= 0.75 && x < 1.25) {
    lgamma_series(x - 1.0, LGAMMA1, LGAMMA1_LO, -EULER, -EULER_LO, ZETA2_HALF, ZETA2_HALF_LO, h, l);
  } else if (x >= 1.5 && x < 2.5) {
    lgamma_series(x - 2.0, LGAMMA2, LGAMMA2_LO, ONE_MINUS_EULER, ONE_MINUS_EULER_LO, ZETA2M1_HALF, ZETA2M1_HALF_LO, h, l);
  } else if (x >= 0x1p60) {
    /* x (log x - 1): the other terms are below 2^-60 of it */
    double a, b;
    log_dd(x, &a, &b);
    double ch, cl;
    two_sum(a, -1.0, &ch, &cl);
    cl += b;
    if (x > 0x1p990) { /* two_prod's split would overflow: x 2^-64 (exact), the product scaled back */
      mul_dd(x * 0x1p-64, 0.0, ch, cl, h, l);
      *h = (*h + *l) * 0x1p64; /* may overflow */
      *l = 0.0;
    } else {
      mul_dd(x, 0.0, ch, cl, h, l);
    }
  } else if (x >= 16.0) {
    lgamma_stirling(x, 0.0, h, l);
  } else if (x < 0x1p-60) {
    /* -log x - euler x: the rest is below 2^-120 */
    double a, b;
    log_dd(x, &a, &b);
    fast_two_sum(-a, -b - EULER * x, h, l);
  } else {
    /* lgamma(x) = lgamma(x + n) - log(x (x + 1) ... (x + n - 1)), x + n >= 16 */
    double yh = x, yl = 0.0, ph = 1.0, pl = 0.0;
    while (yh < 16.0) {
      mul_dd(ph, pl, yh, yl, &ph, &pl);
      double e;
      two_sum(yh, 1.0, &yh, &e);
      fast_two_sum(yh, yl + e, &yh, &yl); /* x + n as a double-double */
    }
    double a, b, c, d;
    lgamma_stirling(yh, yl, &a, &b);
    log_dd2(ph, pl, &c, &d);
    add_dd(a, b, -c, -d, h, l);
  }
}

/* a + z b for double-doubles z, b and a */
static void fma_dd(double ah, double al, double zh, double zl, double bh, double bl, double *h, double *l) {
  mul_dd(zh, zl, bh, bl, h, l);
  add_dd(ah, al, *h, *l, h, l);
}

/*
 * sin(pi r) for |r| <= 1/2, as a double-double to about 2^-75 (lgamma's reflection near its
 * zeros cancels): u = pi t with t = |r| or 1/2 - |r| (exact, <= 1/4), sin u or cos u by their
 * Taylor series (to u^23 and u^24), the terms above 2^-30 in double-double.
 */
static void sinpi_dd(double r, double *h, double *l) {
  double ar = fabs(r);
  int use_sin = ar <= 0.25;
  double t = use_sin ? ar : 0.5 - ar;
  double uh, ul;
  two_prod(t, PI, &uh, &ul);
  ul += t * PI_LO;
  fast_two_sum(uh, ul, &uh, &ul);
  double zh, zl;
  mul_dd(uh, ul, uh, ul, &zh, &zl);
  double z = zh, ah, al;
  if (use_sin) {
    double q = -1.0 / 25852016738884976640000.0; /* -1/23! */
    q = q * z + 1.0 / 51090942171709440000.0;
    q = q * z - 1.0 / 121645100408832000.0;
    q = q * z + 1.0 / 355687428096000.0;
    q = q * z - 1.0 / 1307674368000.0;
    q = q * z + 1.0 / 6227020800.0;
    q = q * z - 1.0 / 39916800.0;
    q = q * z + 1.0 / 362880.0;
    fma_dd(-0x1.a01a01a01a01ap-13, -0x1.a01a01a01a01ap-73, zh, zl, q, 0.0, &ah, &al);
    fma_dd(0x1.1111111111111p-7, 0x1.1111111111111p-63, zh, zl, ah, al, &ah, &al);
    fma_dd(-0x1.5555555555555p-3, -0x1.5555555555555p-57, zh, zl, ah, al, &ah, &al);
    fma_dd(1.0, 0.0, zh, zl, ah, al, &ah, &al);
    mul_dd(uh, ul, ah, al, &ah, &al);
  } else {
    double q = 1.0 / 620448401733239439360000.0; /* 1/24! */
    q = q * z - 1.0 / 1124000727777607680000.0;
    q = q * z + 1.0 / 2432902008176640000.0;
    q = q * z - 1.0 / 6402373705728000.0;
    q = q * z + 1.0 / 20922789888000.0;
    q = q * z - 1.0 / 87178291200.0;
    q = q * z + 1.0 / 479001600.0;
    q = q * z - 1.0 / 3628800.0;
    fma_dd(0x1.a01a01a01a01ap-16, 0x1.a01a01a01a01ap-76, zh, zl, q, 0.0, &ah, &al);
    fma_dd(-0x1.6c16c16c16c17p-10, 0x1.f49f49f49f49fp-65, zh, zl, ah, al, &ah, &al);
    fma_dd(0x1.5555555555555p-5, 0x1.5555555555555p-59, zh, zl, ah, al, &ah, &al);
    fma_dd(-0.5, 0.0, zh, zl, ah, al, &ah, &al);
    fma_dd(1.0, 0.0, zh, zl, ah, al, &ah, &al);
  }
  if (r < 0) {
    ah = -ah;
    al = -al;
  }
  *h = ah;
  *l = al;
}

/*
 * For x < 0, not an integer: log |gamma(x)| = log pi - log |x sin(pi x)| - log gamma(-x) (the
 * reflection formula gamma(x) gamma(-x) = -pi / (x sin(pi x))); *sign receives gamma(x)'s sign.
 */
static void lgamma_neg(double x, double *h, double *l, int *sign) {
  double r = x - rint(x); /* exact, |r| <= 1/2, sin(pi x) = +-sin(pi r) */
  double sh, sl;
  sinpi_dd(r, &sh, &sl);
  /* (-1)^n with n = rint(x): n odd when x / 2 is not within 1/4 of an integer ... */
  double n = rint(x);
  int odd = fabs(n) < 0x1p53 && fmod(n, 2.0) != 0;
  if (odd) {
    sh = -sh;
    sl = -sl;
  }
  *sign = sh > 0 ? 1 : -1;
  double ah, al;
  mul_dd(fabs(x), 0.0, fabs(sh), sh > 0 ? sl : -sl, &ah, &al);
  double a, b, c, d;
  log_dd2(ah, al, &a, &b);
  lgamma_pos(-x, &c, &d);
  double th, tl;
  add_dd(LOG_PI, LOG_PI_LO, -a, -b, &th, &tl);
  add_dd(th, tl, -c, -d, h, l);
}

static double lgamma_r_nc(double x, int *sign) {
  *sign = 1;
  if (x != x) return x + x;
  if (x == HUGE_VAL || x == -HUGE_VAL) return HUGE_VAL;
  if (x == 0) {
    if (signbit(x)) *sign = -1;
    return 1.0 / 0.0;
  }
  double h, l;
  if (x > 0) {
    lgamma_pos(x, &h, &l);
    return h + l;
  }
  if (rint(x) == x) return 1.0 / 0.0; /* a pole */
  if (x > -0x1p-60) {
    /* -log |x| - euler x */
    *sign = -1;
    double a, b;
    log_dd(-x, &a, &b);
    return -a - (b + EULER * x);
  }
  lgamma_neg(x, &h, &l, sign);
  return h + l;
}

static double tgamma_nc(double x) {
  if (x != x) return x + x;
  if (x == HUGE_VAL) return x;
  if (x == 0) return 1.0 / x;
  if (x == -HUGE_VAL) return POSITIVE_NAN;
  if (x < 0 && rint(x) == x) return POSITIVE_NAN; /* glibc's NaNs here have the sign clear */
  if (x > 171.7) return HUGE_VAL;
  if (fabs(x) < 0x1p-60) return 1.0 / x; /* 1/x - euler + ...: the rest is far below an ulp */
  double h, l;
  int sign = 1;
  if (x > 0) {
    lgamma_pos(x, &h, &l);
  } else {
    if (x < -190) {
      /* underflows: the sign of sin(pi x) */
      double r = x - rint(x);
      double n = rint(x);
      int odd = fabs(n) < 0x1p53 && fmod(n, 2.0) != 0;
      return ((r < 0) != odd ? -0x1p-1022 : 0x1p-1022) * 0x1p-1022;
    }
    lgamma_neg(x, &h, &l, &sign);
  }
  double r = exp_dd(h, l);
  return sign < 0 ? -r : r;
}


/* ---- errno: glibc's domain and range errors ---- */

#include <errno.h>

/* which errors a function reports: a NaN from non-NaN arguments (EDOM), an infinity from finite
   ones (ERANGE: overflow or a pole), a zero from finite nonzero ones (ERANGE: underflow) */
#define C_DOM 1
#define C_OFLOW 2
#define C_UFLOW 4

static double check2(double r, double x, double y, int what) {
  /* a finite nonzero result reports nothing: decided on the bits, without a soft-float compare */
  if ((bits(r) & ~SIGN) - 1 < 0x7FEFFFFFFFFFFFFFULL) return r;
  if (r != r) {
    if ((what & C_DOM) && x == x && y == y) errno = EDOM;
  } else if (r == HUGE_VAL || r == -HUGE_VAL) {
    if ((what & C_OFLOW) && isfinite(x) && isfinite(y)) errno = ERANGE;
  } else if (r == 0) {
    if ((what & C_UFLOW) && isfinite(x) && isfinite(y) && x != 0 && y != 0) errno = ERANGE;
  }
  return r;
}

static float check2f(float r, double x, double y, int what) {
  return (float)check2(r, x, y, what); /* a float result is exact in double */
}

double exp(double x) { return check2(exp_nc(x), x, 1.0, C_OFLOW|C_UFLOW); }
float expf(float x) { return check2f((float)exp_nc(x), x, 1.0, C_OFLOW|C_UFLOW); }
double exp2(double x) { return check2(exp2_nc(x), x, 1.0, C_OFLOW|C_UFLOW); }
float exp2f(float x) { return check2f((float)exp2_nc(x), x, 1.0, C_OFLOW|C_UFLOW); }
double expm1(double x) { return check2(expm1_nc(x), x, 1.0, C_OFLOW); }
float expm1f(float x) { return check2f((float)expm1_nc(x), x, 1.0, C_OFLOW); }
double log(double x) { return check2(log_nc(x), x, 1.0, C_DOM|C_OFLOW); }
float logf(float x) { return check2f((float)log_nc(x), x, 1.0, C_DOM|C_OFLOW); }
double log2(double x) { return check2(log2_nc(x), x, 1.0, C_DOM|C_OFLOW); }
float log2f(float x) { return check2f((float)log2_nc(x), x, 1.0, C_DOM|C_OFLOW); }
double log10(double x) { return check2(log10_nc(x), x, 1.0, C_DOM|C_OFLOW); }
float log10f(float x) { return check2f((float)log10_nc(x), x, 1.0, C_DOM|C_OFLOW); }
double log1p(double x) { return check2(log1p_nc(x), x, 1.0, C_DOM|C_OFLOW); }
float log1pf(float x) { return check2f((float)log1p_nc(x), x, 1.0, C_DOM|C_OFLOW); }
double sin(double x) { return check2(sin_nc(x), x, 1.0, C_DOM); }
float sinf(float x) { return check2f((float)sin_nc(x), x, 1.0, C_DOM); }
double cos(double x) { return check2(cos_nc(x), x, 1.0, C_DOM); }
float cosf(float x) { return check2f((float)cos_nc(x), x, 1.0, C_DOM); }
double tan(double x) { return check2(tan_nc(x), x, 1.0, C_DOM); }
float tanf(float x) { return check2f((float)tan_nc(x), x, 1.0, C_DOM); }
double asin(double x) { return check2(asin_nc(x), x, 1.0, C_DOM); }
float asinf(float x) { return check2f((float)asin_nc(x), x, 1.0, C_DOM); }
double acos(double x) { return check2(acos_nc(x), x, 1.0, C_DOM); }
float acosf(float x) { return check2f((float)acos_nc(x), x, 1.0, C_DOM); }
double sinh(double x) { return check2(sinh_nc(x), x, 1.0, C_OFLOW); }
float sinhf(float x) { return check2f((float)sinh_nc(x), x, 1.0, C_OFLOW); }
double cosh(double x) { return check2(cosh_nc(x), x, 1.0, C_OFLOW); }
float coshf(float x) { return check2f((float)cosh_nc(x), x, 1.0, C_OFLOW); }
double erfc(double x) { return check2(erfc_nc(x), x, 1.0, C_UFLOW); }
float erfcf(float x) { return check2f((float)erfc_nc(x), x, 1.0, C_UFLOW); }
double acosh(double x) { return check2(acosh_nc(x), x, 1.0, C_DOM); }
float acoshf(float x) { return check2f((float)acosh_nc(x), x, 1.0, C_DOM); }
double atanh(double x) { return check2(atanh_nc(x), x, 1.0, C_DOM|C_OFLOW); }
float atanhf(float x) { return check2f((float)atanh_nc(x), x, 1.0, C_DOM|C_OFLOW); }
double tgamma(double x) { return check2(tgamma_nc(x), x, 1.0, C_DOM|C_OFLOW|C_UFLOW); }
float tgammaf(float x) { return check2f((float)tgamma_nc(x), x, 1.0, C_DOM|C_OFLOW|C_UFLOW); }
double pow(double x, double y) { return check2(pow_nc(x, y), x, y, C_DOM|C_OFLOW|C_UFLOW); }
float powf(float x, float y) { return check2f((float)pow_nc(x, y), x, y, C_DOM|C_OFLOW|C_UFLOW); }
double atan2(double x, double y) { return check2(atan2_nc(x, y), x, y, C_UFLOW); }
float atan2f(float x, float y) { return check2f((float)atan2_nc(x, y), x, y, C_UFLOW); }
double hypot(double x, double y) { return check2(hypot_nc(x, y), x, y, C_OFLOW); }
float hypotf(float x, float y) { return check2f((float)hypot_nc(x, y), x, y, C_OFLOW); }
double fmod(double x, double y) { return check2(fmod_nc(x, y), x, y, C_DOM); }
float fmodf(float x, float y) { return check2f((float)fmod_nc(x, y), x, y, C_DOM); }
double remainder(double x, double y) { return check2(remainder_nc(x, y), x, y, C_DOM); }
double fdim(double x, double y) { return check2(fdim_nc(x, y), x, y, C_OFLOW); }
float remainderf(float x, float y) { return check2f((float)remainder_nc(x, y), x, y, C_DOM); }
float fdimf(float x, float y) { return check2f(fdimf_nc(x, y), x, y, C_OFLOW); }
double ldexp(double x, int n) { return check2(scale(x, n), x, 1.0, C_OFLOW | C_UFLOW); }
double scalbn(double x, int n) { return check2(scale(x, n), x, 1.0, C_OFLOW | C_UFLOW); }
/* a float times 2^n is exact in double down to the float subnormals: one rounding, to float */
float ldexpf(float x, int n) { return check2f((float)scale(x, n), x, 1.0, C_OFLOW | C_UFLOW); }
float scalbnf(float x, int n) { return check2f((float)scale(x, n), x, 1.0, C_OFLOW | C_UFLOW); }

/* lgamma: a pole or an overflow is a range error */
double lgamma_r(double x, int *sign) { return check2(lgamma_r_nc(x, sign), x, 1.0, C_OFLOW); }
double lgamma(double x) { return lgamma_r(x, &signgam); }
float lgammaf_r(float x, int *sign) { return check2f((float)lgamma_r_nc(x, sign), x, 1.0, C_OFLOW); }
float lgammaf(float x) { return lgammaf_r(x, &signgam); }

/* ilogb of zero, an infinity or a NaN is a domain error */
int ilogb(double x) {
  if (!isfinite(x) || x == 0) errno = EDOM;
  return ilogb_nc(x);
}

int ilogbf(float x) { return ilogb(x); }

/* nextafter: a range error when a finite nonzero x steps to an infinity, a subnormal or zero */
double nextafter(double x, double y) {
  double r = nextafter_nc(x, y);
  if (x != y && isfinite(x) && x != 0 && (fabs(r) < 0x1p-1022 || fabs(r) == HUGE_VAL)) errno = ERANGE;
  return r;
}

float nextafterf(float x, float y) {
  float r = nextafterf_nc(x, y);
  if (x != y && isfinite(x) && x != 0 && (fabsf(r) < 0x1p-126f || fabsf(r) == HUGE_VALF)) errno = ERANGE;
  return r;
}

/* scalbln: n beyond an int's range scales as far as the int's */
double scalbln(double x, long n) { return scalbn(x, n > 100000 ? 100000 : n < -100000 ? -100000 : (int)n); }
float scalblnf(float x, long n) { return scalbnf(x, n > 100000 ? 100000 : n < -100000 ? -100000 : (int)n); }
