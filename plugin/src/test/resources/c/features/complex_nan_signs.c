// Run-time complex products and quotients (__muldc3, __divdc3, __mulsc3, __divsc3) of every
// quadruple of {0, -0, 1, -1, inf, -inf, NaN, -NaN, 3}: the results' bits, NaN signs included,
// are libgcc's. Each line is a checksum over the quadruples with one first part.
#include <math.h>
#include <stdio.h>
#include <string.h>

static unsigned mix(unsigned h, unsigned long long bits) {
  for (int i = 0; i < 8; i++) h = (h ^ (unsigned)((bits >> (8 * i)) & 0xff)) * 16777619u;
  return h;
}

int main(void) {
  volatile double nan_ = NAN;
  double v[9] = {0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, nan_, -nan_, 3.0};
  for (int i = 0; i < 9; i++) {
    unsigned hd = 2166136261u, hf = 2166136261u;
    for (int j = 0; j < 9; j++)
      for (int k = 0; k < 9; k++)
        for (int l = 0; l < 9; l++) {
          volatile double a = v[i], b = v[j], c = v[k], d = v[l];
          double _Complex z = __builtin_complex((double)a, (double)b), w = __builtin_complex((double)c, (double)d);
          double _Complex r[2] = {z * w, z / w};
          unsigned long long u[4];
          memcpy(u, r, sizeof u);
          for (int n = 0; n < 4; n++) hd = mix(hd, u[n]);
          float _Complex zf = __builtin_complex((float)a, (float)b), wf = __builtin_complex((float)c, (float)d);
          float _Complex s[2] = {zf * wf, zf / wf};
          unsigned f[4];
          memcpy(f, s, sizeof f);
          for (int n = 0; n < 4; n++) hf = mix(hf, f[n]);
        }
    printf("%d: %08x %08x\n", i, hd, hf);
  }
  return 0;
}
