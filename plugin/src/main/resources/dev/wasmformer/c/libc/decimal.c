/*
 * Exact decimal expansion of a binary floating-point value, with 32-bit arithmetic only:
 * m * 2^e is turned into a big decimal integer (base 10^4 limbs) m * 2^e, or m * 5^-e with
 * the decimal point -e digits from the right. Shared by printf (%f %e %g) and strtod.
 */

#define LIMBS 200 /* enough for m * 5^1075 with m < 2^56 (about 770 digits) */

/* limbs[0..*count) = limbs * factor + add (factor * 10^4 + add must fit in 32 bits). */
static void big_mul_add(unsigned *limbs, int *count, unsigned factor, unsigned add) {
  unsigned carry = add;
  for (int i = 0; i < *count; i++) {
    unsigned v = limbs[i] * factor + carry;
    limbs[i] = v % 10000;
    carry = v / 10000;
  }
  while (carry) {
    limbs[(*count)++] = carry % 10000;
    carry /= 10000;
  }
}

/*
 * Writes the digits of m * 2^e, where m = mhi * 2^32 + mlo < 2^56 and -1100 < e < 1024, to
 * digits (800 chars): the value is 0.d[0]d[1]...d[n-1] * 10^*pos, d[0] != '0'. Returns n,
 * which is 0 for zero (then *pos is 1).
 */
int __wf_decimal(unsigned mhi, unsigned mlo, int e, char *digits, int *pos) {
  unsigned limbs[LIMBS];
  int count = 0;
  *pos = 1;
  if (mhi == 0 && mlo == 0) return 0;
  big_mul_add(limbs, &count, 65536, mhi >> 16);
  big_mul_add(limbs, &count, 65536, mhi & 0xFFFF);
  big_mul_add(limbs, &count, 65536, mlo >> 16);
  big_mul_add(limbs, &count, 65536, mlo & 0xFFFF);
  int k = 0;
  for (; e >= 16; e -= 16) big_mul_add(limbs, &count, 65536, 0);
  if (e > 0) big_mul_add(limbs, &count, 1u << e, 0);
  /* m * 2^-k == m * 5^k / 10^k */
  for (; e <= -6; e += 6, k += 6) big_mul_add(limbs, &count, 15625, 0);
  for (; e < 0; e++, k++) big_mul_add(limbs, &count, 5, 0);
  int n = 0;
  for (int i = count - 1; i >= 0; i--) {
    unsigned v = limbs[i];
    char four[4];
    for (int j = 3; j >= 0; j--) {
      four[j] = (char)('0' + v % 10);
      v /= 10;
    }
    for (int j = 0; j < 4; j++) {
      if (n == 0 && four[j] == '0') continue;
      digits[n++] = four[j];
    }
  }
  *pos = n - k;
  return n;
}
