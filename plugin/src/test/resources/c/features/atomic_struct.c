// _Atomic structs and unions (one thread: reads and writes are plain copies): gcc's layout,
// which aligns an atomic struct of 1, 2, 4, 8 or 16 bytes to its size; loads and stores of
// the whole object, by assignment, initialization, as an argument and a result, through a
// pointer, in arrays and members, and with <stdatomic.h>'s atomic_load and atomic_store.
// (Only sizes gcc handles without libatomic, and no member access: clang refuses it.)
#include <stdatomic.h>
#include <stddef.h>
#include "test.h"

struct pair { int a, b; };        // 8 bytes, alignment 4: atomic, 8
struct halves { short lo, hi; };  // 4 bytes, alignment 2: atomic, 4
struct one { char c; };
union word { int i; char c[4]; };

struct holder {
  char tag;
  _Atomic struct pair p;
  char after;
  _Atomic struct halves h;
};

static _Atomic struct pair shared;
static _Atomic struct halves table[3];

static struct pair swap(struct pair p) {
  struct pair r = {p.b, p.a};
  return r;
}

static struct pair get(void) { return shared; }

int main(void) {
  ASSERT(8, sizeof(_Atomic struct pair));
  ASSERT(8, _Alignof(_Atomic struct pair));
  ASSERT(4, _Alignof(struct pair));
  ASSERT(4, sizeof(_Atomic struct halves));
  ASSERT(4, _Alignof(_Atomic struct halves));
  ASSERT(1, _Alignof(_Atomic struct one));
  ASSERT(4, _Alignof(_Atomic union word));
  ASSERT(8, offsetof(struct holder, p));
  ASSERT(20, offsetof(struct holder, h));
  ASSERT(24, sizeof(struct holder));
  ASSERT(8, _Alignof(struct holder));
  ASSERT(12, sizeof table);

  struct pair v = {3, 4};
  shared = v;                       // store
  struct pair w = shared;           // load
  ASSERT(3, w.a);
  ASSERT(4, w.b);
  shared = swap(shared);            // an atomic argument and an assigned result
  ASSERT(4, get().a);
  _Atomic struct pair *p = &shared;
  struct pair x = *p;
  ASSERT(3, x.b);

  struct halves h = {-1, 7};
  for (int i = 0; i < 3; i++) {
    table[i] = h;
    h.hi += 10;
  }
  struct halves t = table[2];
  ASSERT(27, t.hi);
  ASSERT(-1, t.lo);

  struct holder ho;
  ho.tag = 'x';
  ho.after = 'y';
  ho.p = v;
  ho.h = table[1];
  struct pair hp = ho.p;
  struct halves hh = ho.h;
  ASSERT(7, hp.a + hp.b);
  ASSERT(17, hh.hi);
  ASSERT('y', ho.after);

  atomic_store(&shared, v);
  struct pair l = atomic_load(&shared);
  ASSERT(34, l.a * 10 + l.b);

  // lvalue conversion drops _Atomic, so _Generic sees the struct
  ASSERT(1, _Generic(shared, struct pair: 1, default: 0));
  ASSERT(0, _Generic(shared, _Atomic struct pair: 2, default: 0));

  union word u = {.i = 0x01020304};
  _Atomic union word au = u;
  union word back = au;
  ASSERT(0x01020304, back.i);
  return DONE();
}
