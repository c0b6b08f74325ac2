/* _Alignas and __attribute__((aligned)) on objects, members and structs, as gcc lays them out. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ALIGNED(p, n) ((int)((uintptr_t)(p) % (n) == 0))

_Alignas(64) char global64[3];
char after64;
int plain;
__attribute__((aligned(4096))) int page[2];
static _Alignas(double) char static8;
alignas(32) unsigned char buffer32[100];
_Alignas(16) int tentative16;
_Alignas(0) int zero_has_no_effect;
__attribute__((aligned(1))) double cannot_lower; /* the attribute cannot lower it either */

struct member { char c; _Alignas(16) int i; short s; };
struct member_attr { char c; int i __attribute__((aligned(8))); char tail; };
struct whole { char c; } __attribute__((aligned(32)));
struct __attribute__((aligned(8))) front { short s; };
struct bare { char c; } __attribute__((aligned));
struct nested { char c; struct member m; char d; };
union u { char c; _Alignas(32) char big; };
struct weaker { char c; int i __attribute__((aligned(2))); }; /* asking for less changes nothing */

static int depth_check(int n) {
  _Alignas(64) char local[5];
  alignas(128) int other = n;
  local[0] = (char)n;
  int ok = ALIGNED(local, 64) && ALIGNED(&other, 128);
  if (n > 0) ok &= depth_check(n - 1);
  return ok && local[0] == (char)n && other == n;
}

static int with_vla(int n) {
  _Alignas(32) double d = 1.5;
  int vla[n];
  for (int i = 0; i < n; i++) vla[i] = i;
  _Alignas(256) char after[3];
  after[0] = 7;
  return ALIGNED(&d, 32) && ALIGNED(after, 256) && vla[n - 1] == n - 1 && after[0] == 7 && d == 1.5;
}

int main(void) {
  printf("globals: %d %d %d %d %d %d\n", ALIGNED(global64, 64), ALIGNED(page, 4096), ALIGNED(&static8, 8),
      ALIGNED(buffer32, 32), ALIGNED(&tentative16, 16), ALIGNED(&cannot_lower, 8));
  printf("_Alignof: %zu %zu %zu %zu\n", _Alignof(global64), _Alignof(page), _Alignof(buffer32), _Alignof(plain));
  printf("member: size %zu align %zu offsets %zu %zu\n", sizeof(struct member), _Alignof(struct member),
      offsetof(struct member, i), offsetof(struct member, s));
  printf("member_attr: size %zu align %zu offsets %zu %zu\n", sizeof(struct member_attr),
      _Alignof(struct member_attr), offsetof(struct member_attr, i), offsetof(struct member_attr, tail));
  printf("whole %zu %zu, front %zu %zu, bare %zu %zu\n", sizeof(struct whole), _Alignof(struct whole),
      sizeof(struct front), _Alignof(struct front), sizeof(struct bare), _Alignof(struct bare));
  printf("nested: size %zu offsets %zu %zu\n", sizeof(struct nested), offsetof(struct nested, m),
      offsetof(struct nested, d));
  printf("union %zu %zu, weaker %zu %zu\n", sizeof(union u), _Alignof(union u), sizeof(struct weaker),
      offsetof(struct weaker, i));
  struct whole arr[3];
  struct nested n;
  memset(&n, 0, sizeof n);
  n.m.i = 42;
  printf("arrays: %d %d %d %d\n", ALIGNED(&arr[1], 32), ALIGNED(&arr[2], 32), ALIGNED(&n.m.i, 16), n.m.i);
  printf("frames: %d %d\n", depth_check(6), with_vla(9));
  static _Alignas(512) short static_local = 3;
  _Alignas(16) struct member m = {1, 2, 3};
  printf("locals: %d %d %d %d\n", ALIGNED(&static_local, 512), static_local, ALIGNED(&m, 16), m.i + m.s);
  return 0;
}
