/*
 * Soft-float: IEEE 754 binary32 and binary64 in integer code. The compiler turns every
 * float and double operation into a call of one of these routines (or into a few integer
 * operations on the bits), passing a float as its bit pattern in an unsigned int and a double
 * in an unsigned long long, so a program's WebAssembly has no floating-point instruction.
 *
 * Rounding is to nearest, ties to even. Float +, -, *, / and sqrt have their own 32-bit code. NaN results follow x86-64: the first NaN operand, quieted; otherwise
 * the default NaN, which has its sign set. Out-of-range conversions to integers give what
 * gcc's x86-64 code gives (the feature test float_random.c checks all this to the bit).
 *
 * No 64-bit division is used (division is a shift-and-subtract loop).
 */

typedef unsigned long long u64;
typedef unsigned int u32;

#define SIGN 0x8000000000000000ULL
#define EXP 0x7FF0000000000000ULL
#define FRAC 0x000FFFFFFFFFFFFFULL
#define HIDDEN 0x0010000000000000ULL
#define QUIET 0x0008000000000000ULL
#define DEFAULT_NAN 0xFFF8000000000000ULL

/* Macros rather than functions where a call would cost more than the work. */
#define is_nan(a) (((a) & ~SIGN) > EXP)

static u64 nan_of(u64 a, u64 b) {
  return is_nan(a) ? a | QUIET : b | QUIET;
}

/* One wasm instruction (i64.clz); 64 for zero. */
#define leading_zeros(x) __builtin_clzll(x)

/* x >> n, with every bit shifted out or'ed into the lowest bit ("sticky"). */
static u64 shift_right_sticky(u64 x, int n) {
  if (n <= 0) return x;
  if (n >= 64) return x != 0;
  return (x >> n) | ((x << (64 - n)) != 0);
}

/*
 * Rounds sig * 2^(e - 62) (sig's leading 1 at bit 62 or sig == 0; its lowest bit sticky)
 * to a double: e is the unbiased exponent of the leading bit.
 */
static u64 round_pack64(u64 sign, int e, u64 sig) {
  if (sig == 0) return sign;
  int be = e + 1023;
  if (be <= 0) {
    sig = shift_right_sticky(sig, 1 - be);
    be = 0;
  }
  u64 rest = sig & 0x3FF;
  u64 m = sig >> 10;
  if (rest > 0x200 || (rest == 0x200 && (m & 1))) m++;
  if (be == 0) return sign | m; /* a subnormal; m == 2^52 became the smallest normal */
  if (m >> 53) {
    m >>= 1;
    be++;
  }
  if (be >= 2047) return sign | EXP;
  return sign | ((u64)be << 52) | (m & FRAC);
}

/* The same for a float: the result's bit pattern. */
static u32 round_pack32(u32 sign, int e, u64 sig) {
  if (sig == 0) return sign;
  int be = e + 127;
  if (be <= 0) {
    sig = shift_right_sticky(sig, 1 - be);
    be = 0;
  }
  u64 rest = sig & 0x7FFFFFFFFFULL;
  u32 m = (u32)(sig >> 39);
  if (rest > 0x4000000000ULL || (rest == 0x4000000000ULL && (m & 1))) m++;
  if (be == 0) return sign | m;
  if (m >> 24) {
    m >>= 1;
    be++;
  }
  if (be >= 255) return sign | 0x7F800000u;
  return sign | ((u32)be << 23) | (m & 0x7FFFFF);
}

/*
 * Moves a nonzero x's leading 1 to bit 62 (a bit shifted out is kept sticky). If x stood for
 * x * 2^(e - 62), the result stands for the same value with exponent e + 1 - leading_zeros(x).
 * (No out-parameters here: a variable whose address is taken would live in memory.)
 */
static u64 normalized(u64 x) {
  int z = leading_zeros(x);
  return z == 0 ? shift_right_sticky(x, 1) : x << (z - 1);
}

/* A finite nonzero double's significand, its leading 1 moved to bit 52 ... */
static u64 significand(u64 a) {
  u64 m = a & FRAC;
  if ((a & EXP) == 0) return m << (leading_zeros(m) - 11);
  return m | HIDDEN;
}

/* ... and the exponent of that bit: the value is significand(a) * 2^(exponent(a) - 52). */
static int exponent(u64 a) {
  int be = (int)((a >> 52) & 0x7FF);
  if (be == 0) return -1011 - leading_zeros(a & FRAC);
  return be - 1023;
}

u64 __wf_dadd(u64 a, u64 b) {
  if (is_nan(a) || is_nan(b)) return nan_of(a, b);
  if ((a & EXP) == EXP) {
    if ((b & EXP) == EXP && ((a ^ b) & SIGN)) return DEFAULT_NAN;
    return a;
  }
  if ((b & EXP) == EXP) return b;
  if ((a & ~SIGN) == 0) return (b & ~SIGN) == 0 ? a & b : b;
  if ((b & ~SIGN) == 0) return a;
  if ((a & ~SIGN) < (b & ~SIGN)) {
    u64 t = a;
    a = b;
    b = t;
  }
  int ea = exponent(a);
  u64 ma = significand(a) << 9, mb = significand(b) << 9; /* leading 1 at bit 61 */
  mb = shift_right_sticky(mb, ea - exponent(b));
  u64 sig = ((a ^ b) & SIGN) ? ma - mb : ma + mb;
  if (sig == 0) return 0;
  return round_pack64(a & SIGN, ea + 2 - leading_zeros(sig), normalized(sig));
}

u64 __wf_dsub(u64 a, u64 b) {
  return __wf_dadd(a, is_nan(b) ? b : b ^ SIGN);
}

u64 __wf_dmul(u64 a, u64 b) {
  u64 sign = (a ^ b) & SIGN;
  if (is_nan(a) || is_nan(b)) return nan_of(a, b);
  if ((a & EXP) == EXP || (b & EXP) == EXP) {
    if ((a & ~SIGN) == 0 || (b & ~SIGN) == 0) return DEFAULT_NAN;
    return sign | EXP;
  }
  if ((a & ~SIGN) == 0 || (b & ~SIGN) == 0) return sign;
  /* The product's leading 1 is at bit 126 or 127 of hi:lo. */
  u64 ma = significand(a) << 11, mb = significand(b) << 11;
  u64 a0 = ma & 0xFFFFFFFFULL, a1 = ma >> 32, b0 = mb & 0xFFFFFFFFULL, b1 = mb >> 32;
  u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0;
  u64 mid = (p00 >> 32) + (p01 & 0xFFFFFFFFULL) + (p10 & 0xFFFFFFFFULL);
  u64 lo = (mid << 32) | (p00 & 0xFFFFFFFFULL);
  u64 hi = a1 * b1 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  u64 sig = hi | (lo != 0);
  return round_pack64(sign, exponent(a) + exponent(b) + 1 - leading_zeros(sig), normalized(sig));
}

u64 __wf_ddiv(u64 a, u64 b) {
  u64 sign = (a ^ b) & SIGN;
  if (is_nan(a) || is_nan(b)) return nan_of(a, b);
  if ((a & EXP) == EXP) return (b & EXP) == EXP ? DEFAULT_NAN : sign | EXP;
  if ((b & EXP) == EXP) return sign;
  if ((b & ~SIGN) == 0) return (a & ~SIGN) == 0 ? DEFAULT_NAN : sign | EXP;
  if ((a & ~SIGN) == 0) return sign;
  u64 ma = significand(a), mb = significand(b);
  int e = exponent(a) - exponent(b);
  if (ma < mb) {
    ma <<= 1;
    e--;
  }
  /* ma / mb is in [1, 2): 55 quotient bits (53, a round bit and one more), then the sticky bit. */
  u64 q = 0, r = ma;
  for (int i = 0; i < 55; i++) {
    q <<= 1;
    if (r >= mb) {
      r -= mb;
      q |= 1;
    }
    r <<= 1;
  }
  return round_pack64(sign, e, (q << 8) | (r != 0));
}

u64 __wf_dsqrt(u64 a) {
  if (is_nan(a)) return a | QUIET;
  if ((a & ~SIGN) == 0) return a;
  if (a & SIGN) return DEFAULT_NAN;
  if ((a & EXP) == EXP) return a;
  u64 m = significand(a);
  int k = exponent(a) - 52; /* a = m * 2^k */
  if (k & 1) {
    m <<= 1;
    k--;
  }
  /* sqrt(m * 2^58) has 56 bits: the radicand's bits are fed two at a time. */
  u64 q = 0, r = 0;
  for (int i = 55; i >= 0; i--) {
    int p = 2 * i - 58;
    u64 pair = p >= 0 ? (m >> p) & 3 : 0;
    r = (r << 2) | pair;
    u64 t = (q << 2) | 1;
    q <<= 1;
    if (r >= t) {
      r -= t;
      q |= 1;
    }
  }
  /* a's root is q * 2^((k - 58) / 2), q's leading 1 at bit 55. */
  return round_pack64(0, (k - 58) / 2 + 55, (q << 7) | (r != 0));
}

/* Returns 1 (less), 2 (equal), 4 (greater) or 8 (unordered). */
int __wf_dcmp(u64 a, u64 b) {
  if (is_nan(a) || is_nan(b)) return 8;
  if (((a | b) & ~SIGN) == 0) return 2;
  long long x = (a & SIGN) ? -(long long)(a & ~SIGN) : (long long)a;
  long long y = (b & SIGN) ? -(long long)(b & ~SIGN) : (long long)b;
  return x < y ? 1 : x == y ? 2 : 4;
}

/* ---- conversions ---- */

u64 __wf_f_to_d(u32 f) {
  u64 sign = (u64)(f & 0x80000000u) << 32;
  u32 be = (f >> 23) & 0xFF;
  u32 m = f & 0x7FFFFF;
  if (be == 255) return sign | EXP | ((u64)m << 29) | (m ? QUIET : 0);
  if (be == 0) {
    if (m == 0) return sign;
    /* m * 2^-149, that is m * 2^(-87 - 62) */
    return round_pack64(sign, -87 + 1 - leading_zeros(m), normalized(m));
  }
  return sign | ((u64)(be + 896) << 52) | ((u64)m << 29);
}

u32 __wf_d_to_f(u64 d) {
  u32 sign = (u32)(d >> 32) & 0x80000000u;
  if (is_nan(d)) return sign | 0x7FC00000u | (u32)((d >> 29) & 0x3FFFFF);
  if ((d & EXP) == EXP) return sign | 0x7F800000u;
  if ((d & ~SIGN) == 0) return sign;
  return round_pack32(sign, exponent(d), significand(d) << 10);
}

static u64 from_u64(u64 sign, u64 x) {
  if (x == 0) return 0;
  return round_pack64(sign, 63 - leading_zeros(x), normalized(x));
}

static u32 from_u64_f(u32 sign, u64 x) {
  if (x == 0) return 0;
  return round_pack32(sign, 63 - leading_zeros(x), normalized(x));
}

u64 __wf_i32_to_d(int x) {
  return x < 0 ? from_u64(SIGN, (u64)-(long long)x) : from_u64(0, (u64)x);
}

u64 __wf_u32_to_d(u32 x) {
  return from_u64(0, x);
}

u64 __wf_i64_to_d(long long x) {
  return x < 0 ? from_u64(SIGN, -(u64)x) : from_u64(0, (u64)x);
}

u64 __wf_u64_to_d(u64 x) {
  return from_u64(0, x);
}

u32 __wf_i32_to_f(int x) {
  return x < 0 ? from_u64_f(0x80000000u, (u64)-(long long)x) : from_u64_f(0, (u64)x);
}

u32 __wf_u32_to_f(u32 x) {
  return from_u64_f(0, x);
}

u32 __wf_i64_to_f(long long x) {
  return x < 0 ? from_u64_f(0x80000000u, -(u64)x) : from_u64_f(0, (u64)x);
}

u32 __wf_u64_to_f(u64 x) {
  return from_u64_f(0, x);
}

/* True for NaN and for magnitudes of 2^64 and more. */
static int too_big(u64 d) {
  return (d & ~SIGN) >= 0x43F0000000000000ULL;
}

/* The magnitude of a double truncated to an integer, when not too_big. */
static u64 magnitude(u64 d) {
  int be = (int)((d >> 52) & 0x7FF);
  if (be < 1023) return 0;
  int e = be - 1023;
  u64 m = (d & FRAC) | HIDDEN;
  return e >= 52 ? m << (e - 52) : m >> (52 - e);
}

long long __wf_d_to_i64(u64 d) {
  if (too_big(d)) return (long long)SIGN;
  u64 m = magnitude(d);
  if (m >> 63) return (long long)SIGN;
  return (d & SIGN) ? -(long long)m : (long long)m;
}

int __wf_d_to_i32(u64 d) {
  if (too_big(d)) return (int)0x80000000u;
  u64 m = magnitude(d);
  if (d & SIGN) return m > 0x80000000ULL ? (int)0x80000000u : (int)(0 - (u32)m);
  return m > 0x7FFFFFFFULL ? (int)0x80000000u : (int)m;
}

u32 __wf_d_to_u32(u64 d) {
  return (u32)__wf_d_to_i64(d);
}

u64 __wf_d_to_u64(u64 d) {
  if (is_nan(d) || (d & SIGN)) return (u64)__wf_d_to_i64(d);
  if (too_big(d)) return 0;
  return magnitude(d);
}

/* ---- float: 32-bit code (a float's significand and guard bits fit in 32 bits) ---- */

#define FSIGN 0x80000000u
#define FEXP 0x7F800000u

#define is_nan32(a) (((a) & ~FSIGN) > FEXP)

static u32 nan_of32(u32 a, u32 b) {
  return is_nan32(a) ? a | 0x400000u : b | 0x400000u;
}

static u32 shift_right_sticky32(u32 x, int n) {
  if (n <= 0) return x;
  if (n >= 32) return x != 0;
  return (x >> n) | ((x << (32 - n)) != 0);
}

/* Rounds sig * 2^(e - 30) (sig's leading 1 at bit 30; its lowest bit sticky) to a float. */
static u32 round_pack32s(u32 sign, int e, u32 sig) {
  int be = e + 127;
  if (be <= 0) {
    sig = shift_right_sticky32(sig, 1 - be);
    be = 0;
  }
  u32 rest = sig & 0x7F;
  u32 m = sig >> 7;
  if (rest > 0x40 || (rest == 0x40 && (m & 1))) m++;
  if (be == 0) return sign | m;
  if (m >> 24) {
    m >>= 1;
    be++;
  }
  if (be >= 255) return sign | FEXP;
  return sign | ((u32)be << 23) | (m & 0x7FFFFF);
}

/* A finite nonzero float's significand, its leading 1 moved to bit 23, and that bit's exponent. */
static u32 significand32(u32 a) {
  u32 m = a & 0x7FFFFF;
  if ((a & FEXP) == 0) return m << (__builtin_clz(m) - 8);
  return m | 0x800000u;
}

static int exponent32(u32 a) {
  int be = (int)((a >> 23) & 0xFF);
  if (be == 0) return -118 - __builtin_clz(a & 0x7FFFFF);
  return be - 127;
}

u32 __wf_fadd(u32 a, u32 b) {
  if (is_nan32(a) || is_nan32(b)) return nan_of32(a, b);
  if ((a & FEXP) == FEXP) {
    if ((b & FEXP) == FEXP && ((a ^ b) & FSIGN)) return 0xFFC00000u;
    return a;
  }
  if ((b & FEXP) == FEXP) return b;
  if ((a & ~FSIGN) == 0) return (b & ~FSIGN) == 0 ? a & b : b;
  if ((b & ~FSIGN) == 0) return a;
  if ((a & ~FSIGN) < (b & ~FSIGN)) {
    u32 t = a;
    a = b;
    b = t;
  }
  int ea = exponent32(a);
  u32 ma = significand32(a) << 6, mb = significand32(b) << 6; /* leading 1 at bit 29 */
  mb = shift_right_sticky32(mb, ea - exponent32(b));
  u32 sig = ((a ^ b) & FSIGN) ? ma - mb : ma + mb;
  if (sig == 0) return 0;
  int z = __builtin_clz(sig); /* at least 1: the sum is below 2^31 */
  return round_pack32s(a & FSIGN, ea + 1 - (z - 1), sig << (z - 1));
}

u32 __wf_fsub(u32 a, u32 b) {
  return __wf_fadd(a, is_nan32(b) ? b : b ^ FSIGN);
}

u32 __wf_fmul(u32 a, u32 b) {
  u32 sign = (a ^ b) & FSIGN;
  if (is_nan32(a) || is_nan32(b)) return nan_of32(a, b);
  if ((a & FEXP) == FEXP || (b & FEXP) == FEXP) {
    if ((a & ~FSIGN) == 0 || (b & ~FSIGN) == 0) return 0xFFC00000u;
    return sign | FEXP;
  }
  if ((a & ~FSIGN) == 0 || (b & ~FSIGN) == 0) return sign;
  u64 p = (u64)significand32(a) * significand32(b); /* leading 1 at bit 46 or 47 */
  u32 sig = (u32)(p >> 16) | ((p & 0xFFFF) != 0);
  int e = exponent32(a) + exponent32(b);
  if (sig >> 31) {
    sig = (sig >> 1) | (sig & 1);
    e++;
  }
  return round_pack32s(sign, e, sig);
}

u32 __wf_fdiv(u32 a, u32 b) {
  u32 sign = (a ^ b) & FSIGN;
  if (is_nan32(a) || is_nan32(b)) return nan_of32(a, b);
  if ((a & FEXP) == FEXP) return (b & FEXP) == FEXP ? 0xFFC00000u : sign | FEXP;
  if ((b & FEXP) == FEXP) return sign;
  if ((b & ~FSIGN) == 0) return (a & ~FSIGN) == 0 ? 0xFFC00000u : sign | FEXP;
  if ((a & ~FSIGN) == 0) return sign;
  u32 ma = significand32(a), mb = significand32(b);
  int e = exponent32(a) - exponent32(b);
  if (ma < mb) {
    ma <<= 1;
    e--;
  }
  /* 26 quotient bits (24, a round bit and one more), then the sticky bit. */
  u32 q = 0, r = ma;
  for (int i = 0; i < 26; i++) {
    q <<= 1;
    if (r >= mb) {
      r -= mb;
      q |= 1;
    }
    r <<= 1;
  }
  return round_pack32s(sign, e, (q << 5) | (r != 0));
}

u32 __wf_fsqrt(u32 a) {
  if (is_nan32(a)) return a | 0x400000u;
  if ((a & ~FSIGN) == 0) return a;
  if (a & FSIGN) return 0xFFC00000u;
  if ((a & FEXP) == FEXP) return a;
  u32 m = significand32(a);
  int k = exponent32(a) - 23; /* a = m * 2^k */
  if (k & 1) {
    m <<= 1;
    k--;
  }
  /* sqrt(m * 2^28) has 26 or 27 bits: the radicand's bits are fed two at a time. */
  u32 q = 0, r = 0;
  for (int i = 26; i >= 0; i--) {
    int p = 2 * i - 28;
    u32 pair = p >= 0 ? (m >> p) & 3 : 0;
    r = (r << 2) | pair;
    u32 t = (q << 2) | 1;
    q <<= 1;
    if (r >= t) {
      r -= t;
      q |= 1;
    }
  }
  /* a's root is q * 2^((k - 28) / 2); round_pack32s wants the leading 1 at bit 30. */
  int top = (q >> 26) ? 26 : 25;
  return round_pack32s(0, (k - 28) / 2 + top, (q << (30 - top)) | (r != 0));
}

int __wf_fcmp(u32 a, u32 b) {
  if (is_nan32(a) || is_nan32(b)) return 8;
  if (((a | b) & ~FSIGN) == 0) return 2;
  int x = (a & FSIGN) ? -(int)(a & ~FSIGN) : (int)a;
  int y = (b & FSIGN) ? -(int)(b & ~FSIGN) : (int)b;
  return x < y ? 1 : x == y ? 2 : 4;
}

int __wf_f_to_i32(u32 f) {
  return __wf_d_to_i32(__wf_f_to_d(f));
}

u32 __wf_f_to_u32(u32 f) {
  return __wf_d_to_u32(__wf_f_to_d(f));
}

long long __wf_f_to_i64(u32 f) {
  return __wf_d_to_i64(__wf_f_to_d(f));
}

u64 __wf_f_to_u64(u32 f) {
  return __wf_d_to_u64(__wf_f_to_d(f));
}

/*
 * ---- WebAssembly's float instructions ----
 *
 * The lowering of a foreign module (clang's, say) calls these for the f32/f64 instructions
 * that have no routine above with wasm's meaning; of our own C, only math.c's floor, ceil and
 * trunc call them (the rounding to an integral value, which C and wasm define alike). Where the
 * C routines above follow x86-64 (min, max, conversions out of range), WebAssembly says
 * otherwise. NaN results are quieted NaN operands or the default NaN, both allowed by wasm.
 */

/*
 * Rounds to an integral value. Bit 0 of mode rounds a positive x up, bit 1 a negative x down
 * (adding to the magnitude), so 2 is floor, 1 ceil and 0 trunc; 4 rounds to nearest, ties to
 * even. math.c's floor, ceil and trunc call it too.
 */
u64 __wf_integral(u64 x, int mode) {
  int be = (int)((x >> 52) & 0x7FF);
  int negative = (int)(x >> 63);
  if (be >= 1075) return is_nan(x) ? x | QUIET : x; /* already integral, infinite or NaN */
  if (be < 1023) { /* |x| < 1 */
    if ((x & ~SIGN) == 0) return x;
    if ((mode >> negative) & 1) return (x & SIGN) | 0x3FF0000000000000ULL;
    if (mode == 4 && be == 1022 && (x & FRAC) != 0) return (x & SIGN) | 0x3FF0000000000000ULL; /* (0.5, 1) */
    return x & SIGN;
  }
  /* The fraction bits; the bit above them is the integer part's lowest (the hidden bit's for be = 1023, which is odd). */
  u64 mask = FRAC >> (be - 1023);
  if ((x & mask) == 0) return x;
  /*
   * To nearest, up when the fraction plus the integer part's parity exceeds one half (above
   * half, or half and odd). In one expression, as a local would be zeroed on every call.
   */
  if (((mode >> negative) & 1) || (mode == 4 && (x & mask) + ((x & (mask + 1)) != 0) > (mask >> 1) + 1)) {
    x += mask + 1; /* a carry into the exponent is the next power of two */
  }
  return x & ~mask;
}

u64 __wf_dfloor(u64 x) { return __wf_integral(x, 2); }
u64 __wf_dceil(u64 x) { return __wf_integral(x, 1); }
u64 __wf_dtrunc(u64 x) { return __wf_integral(x, 0); }
u64 __wf_dnearest(u64 x) { return __wf_integral(x, 4); }

/* The same for a float. */
u32 __wf_integral32(u32 x, int mode) {
  int be = (int)((x >> 23) & 0xFF);
  int negative = (int)(x >> 31);
  if (be >= 150) return is_nan32(x) ? x | 0x400000u : x;
  if (be < 127) {
    if ((x & ~FSIGN) == 0) return x;
    if ((mode >> negative) & 1) return (x & FSIGN) | 0x3F800000u;
    if (mode == 4 && be == 126 && (x & 0x7FFFFF) != 0) return (x & FSIGN) | 0x3F800000u;
    return x & FSIGN;
  }
  u32 mask = 0x7FFFFFu >> (be - 127); /* 127 is odd, like 1023 */
  if ((x & mask) == 0) return x;
  if (((mode >> negative) & 1) || (mode == 4 && (x & mask) + ((x & (mask + 1)) != 0) > (mask >> 1) + 1)) {
    x += mask + 1;
  }
  return x & ~mask;
}

u32 __wf_ffloor(u32 x) { return __wf_integral32(x, 2); }
u32 __wf_fceil(u32 x) { return __wf_integral32(x, 1); }
u32 __wf_ftrunc(u32 x) { return __wf_integral32(x, 0); }
u32 __wf_fnearest(u32 x) { return __wf_integral32(x, 4); }

/* min and max: NaN if either is NaN, and -0 below +0. */
u64 __wf_dmin(u64 a, u64 b) {
  if (is_nan(a) || is_nan(b)) return nan_of(a, b);
  if (((a | b) & ~SIGN) == 0) return a | b;
  return __wf_dcmp(a, b) == 1 ? a : b;
}

u64 __wf_dmax(u64 a, u64 b) {
  if (is_nan(a) || is_nan(b)) return nan_of(a, b);
  if (((a | b) & ~SIGN) == 0) return a & b;
  return __wf_dcmp(a, b) == 4 ? a : b;
}

u32 __wf_fmin(u32 a, u32 b) {
  if (is_nan32(a) || is_nan32(b)) return nan_of32(a, b);
  if (((a | b) & ~FSIGN) == 0) return a | b;
  return __wf_fcmp(a, b) == 1 ? a : b;
}

u32 __wf_fmax(u32 a, u32 b) {
  if (is_nan32(a) || is_nan32(b)) return nan_of32(a, b);
  if (((a | b) & ~FSIGN) == 0) return a & b;
  return __wf_fcmp(a, b) == 4 ? a : b;
}

/*
 * Traps "integer overflow": INT_MIN / -1, the divisor an argument so that the division
 * happens at run time.
 */
static int overflow(int minus_one) {
  return (int)0x80000000u / minus_one;
}

/* Traps "invalid conversion to integer" (the lowering makes this import the ISA's TRAP). */
void __wf_invalid_conversion(void) __attribute__((import_module("env"), import_name("__wf_invalid_conversion")));

static int nan_to_integer(void) {
  __wf_invalid_conversion();
  return 0;
}

/* The conversions that trap: NaN, infinities and values whose integer part is out of range. */
int __wf_d_to_i32_trap(u64 d) {
  if (is_nan(d)) return nan_to_integer();
  if (too_big(d)) return overflow(-1);
  u64 m = magnitude(d);
  if (d & SIGN) return m > 0x80000000ULL ? overflow(-1) : (int)(0 - (u32)m);
  return m > 0x7FFFFFFFULL ? overflow(-1) : (int)m;
}

u32 __wf_d_to_u32_trap(u64 d) {
  if (is_nan(d)) return nan_to_integer();
  if (too_big(d)) return overflow(-1);
  u64 m = magnitude(d);
  if ((d & SIGN) ? m != 0 : m > 0xFFFFFFFFULL) return overflow(-1);
  return (u32)m;
}

long long __wf_d_to_i64_trap(u64 d) {
  if (is_nan(d)) return nan_to_integer();
  if (too_big(d)) return overflow(-1);
  u64 m = magnitude(d);
  if (d & SIGN) return m > SIGN ? overflow(-1) : (long long)(0 - m);
  return m >= SIGN ? overflow(-1) : (long long)m;
}

u64 __wf_d_to_u64_trap(u64 d) {
  if (is_nan(d)) return nan_to_integer();
  if (too_big(d)) return overflow(-1);
  u64 m = magnitude(d);
  if ((d & SIGN) && m != 0) return overflow(-1);
  return m;
}

/* The saturating conversions: NaN gives 0, a value out of range the nearest bound. */
int __wf_d_to_i32_sat(u64 d) {
  if (is_nan(d)) return 0;
  u64 m = too_big(d) ? SIGN : magnitude(d);
  if (d & SIGN) return m >= 0x80000000ULL ? (int)0x80000000u : (int)(0 - (u32)m);
  return m > 0x7FFFFFFFULL ? 0x7FFFFFFF : (int)m;
}

u32 __wf_d_to_u32_sat(u64 d) {
  if (is_nan(d) || (d & SIGN)) return 0;
  if (too_big(d)) return 0xFFFFFFFFu;
  u64 m = magnitude(d);
  return m > 0xFFFFFFFFULL ? 0xFFFFFFFFu : (u32)m;
}

long long __wf_d_to_i64_sat(u64 d) {
  if (is_nan(d)) return 0;
  u64 m = too_big(d) ? SIGN : magnitude(d);
  if (d & SIGN) return m >= SIGN ? (long long)SIGN : (long long)(0 - m);
  return m >= SIGN ? (long long)(SIGN - 1) : (long long)m;
}

u64 __wf_d_to_u64_sat(u64 d) {
  if (is_nan(d) || (d & SIGN)) return 0;
  if (too_big(d)) return 0xFFFFFFFFFFFFFFFFULL;
  return magnitude(d);
}

/* A float's value is exact as a double. */
int __wf_f_to_i32_trap(u32 f) { return __wf_d_to_i32_trap(__wf_f_to_d(f)); }
u32 __wf_f_to_u32_trap(u32 f) { return __wf_d_to_u32_trap(__wf_f_to_d(f)); }
long long __wf_f_to_i64_trap(u32 f) { return __wf_d_to_i64_trap(__wf_f_to_d(f)); }
u64 __wf_f_to_u64_trap(u32 f) { return __wf_d_to_u64_trap(__wf_f_to_d(f)); }
int __wf_f_to_i32_sat(u32 f) { return __wf_d_to_i32_sat(__wf_f_to_d(f)); }
u32 __wf_f_to_u32_sat(u32 f) { return __wf_d_to_u32_sat(__wf_f_to_d(f)); }
long long __wf_f_to_i64_sat(u32 f) { return __wf_d_to_i64_sat(__wf_f_to_d(f)); }
u64 __wf_f_to_u64_sat(u32 f) { return __wf_d_to_u64_sat(__wf_f_to_d(f)); }
