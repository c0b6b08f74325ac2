// Static initializers whose constant complex products and quotients have an infinite or NaN
// part, or divide by zero: gcc folds them (with GNU MPC) and ours gives the same bits; in a
// function the same operations are calls of __muldc3/__divdc3 at run time. Parts are printed
// as raw bits, so NaN signs count.
#include <math.h>
#include <stdio.h>
#include <string.h>

#define C(a, b) __builtin_complex((double)(a), (double)(b))
#define F(a, b) __builtin_complex((float)(a), (float)(b))

static const double _Complex products[] = {
    C(INFINITY, 1) * C(INFINITY, -1),     // inf - inf i: not Annex G's inf + nan i
    C(INFINITY, -1) * C(INFINITY, INFINITY),
    C(1, 3) * C(INFINITY, INFINITY),      // nan + inf i
    C(0, 1) * C(INFINITY, 0),
    C(INFINITY, -0.0) * C(0.5, NAN),
    C(NAN, 1) * C(-INFINITY, INFINITY),
    C(NAN, 2) * C(3, 4),
    C(-INFINITY, -INFINITY) * C(0.5, -1),
    C(0, 0) * C(INFINITY, 1),
};

static const double _Complex quotients[] = {
    C(1, 2) / C(INFINITY, 1),             // zeros with signs
    C(-0.0, 3) / C(INFINITY, -NAN),
    C(INFINITY, 1) / C(3, 3),
    C(INFINITY, INFINITY) / C(1, -1),      // nan: the sum of directions is zero
    C(INFINITY, 2) / C(0, 0),
    C(NAN, 1) / C(-0.0, 0),
    C(0, 0) / C(0, 0),
    C(INFINITY, 1) / C(INFINITY, 1),
    C(NAN, 0) / C(1, 1),
};

static const float _Complex floats[] = {
    F(INFINITY, 1) * F(INFINITY, -1),
    F(1, 3) * F(INFINITY, INFINITY),
    F(-INFINITY, 2) / F(3, -1),
    F(2, -1) / F(-INFINITY, NAN),
    F(1, -1) / F(-0.0, 0),
};

static void show(const char *what, const double _Complex *z, int n) {
  for (int i = 0; i < n; i++) {
    unsigned long long u[2];
    memcpy(u, &z[i], sizeof u);
    printf("%s %d: %016llx %016llx\n", what, i, u[0], u[1]);
  }
}

int main(void) {
  show("product", products, sizeof products / sizeof products[0]);
  show("quotient", quotients, sizeof quotients / sizeof quotients[0]);
  for (int i = 0; i < (int)(sizeof floats / sizeof floats[0]); i++) {
    unsigned u[2];
    memcpy(u, &floats[i], sizeof u);
    printf("float %d: %08x %08x\n", i, u[0], u[1]);
  }
  return 0;
}
