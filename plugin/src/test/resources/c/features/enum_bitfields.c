// Enum bit-fields: gcc (and the psABI) make a bit-field of an enum whose enumerators are all
// non-negative unsigned, so e:2 holding D reads 3, not -1; with a negative enumerator it stays
// signed. Through a tag, a typedef, an anonymous enum and a forward-declared tag.
#include <stdio.h>

enum color { RED, GREEN, BLUE, WHITE };
enum sign { MINUS = -1, ZERO, PLUS };
typedef enum { LOW, MID, HIGH, TOP } level_t;
typedef enum sign sign_t;
enum later;
enum later { L0, L1, L2, L3 };

struct s {
  enum color c : 2;
  enum sign g : 2;
  level_t l : 2;
  sign_t t : 2;
  enum { X0, X1, X2, X3 } x : 2;
  enum later z : 2;
  enum color wide : 32;
};

int main(void) {
  struct s v = {WHITE, MINUS, TOP, PLUS, X3, L3, WHITE};
  printf("%d %d %d %d %d %d %d\n", v.c, v.g, v.l, v.t, v.x, v.z, v.wide);
  printf("%d %d %d\n", v.c == WHITE, v.l == TOP, v.x > 2);
  v.c = 7;  // keeps the low two bits
  v.g = 3;  // -1
  v.l += 2; // 3 + 2 = 5: 1
  printf("%d %d %d %d\n", v.c, v.g, v.l, v.c - 4 < 0);
  unsigned u = v.wide - 4u;
  printf("%u %d\n", u, v.wide - 4 < 0);
  return v.c + v.g;
}
// status: 2
