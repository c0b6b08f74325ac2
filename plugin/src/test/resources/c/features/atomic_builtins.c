// gcc's __atomic_* and __sync_* builtins on one thread: each result and effect, on integers
// of every size, pointers (whose arithmetic counts bytes), and the generic forms on any type.
#include "test.h"

#define TYPE(e) _Generic((e), char: 1, signed char: 2, unsigned char: 3, short: 4, unsigned short: 5, \
    int: 6, unsigned: 7, long: 8, unsigned long: 9, long long: 10, unsigned long long: 11, _Bool: 12, \
    int *: 13, const char *: 14, default: 0)

// aligned to their sizes: clang calls libatomic for an under-aligned object (wasi-libc has none)
struct pair { short a, b; } __attribute__((aligned(4)));
struct quad { int a, b; } __attribute__((aligned(8)));
enum color { RED, GREEN, BLUE };

static int calls;
static int *where(int *p) { calls++; return p; }
static int order(void) { calls++; return __ATOMIC_SEQ_CST; }

static long long counter = 5;
static _Atomic int flagged;
// a constant expression, as in gcc
static int always = __atomic_always_lock_free(sizeof(int), 0);
_Static_assert(__atomic_always_lock_free(8, 0), "8 bytes are lock-free");

static void integers(void) {
  int x = 10;
  ASSERT(10, __atomic_load_n(&x, __ATOMIC_RELAXED));
  __atomic_store_n(&x, 20, __ATOMIC_RELEASE);
  ASSERT(20, x);
  ASSERT(20, __atomic_exchange_n(&x, 30, __ATOMIC_ACQ_REL));
  ASSERT(30, x);
  ASSERT(30, __atomic_fetch_add(&x, 5, __ATOMIC_SEQ_CST));
  ASSERT(35, x);
  ASSERT(25, __atomic_sub_fetch(&x, 10, __ATOMIC_SEQ_CST));
  ASSERT(25, __atomic_fetch_and(&x, 12, 0));
  ASSERT(8, x);
  ASSERT(8, __atomic_fetch_or(&x, 3, 0));
  ASSERT(11, x);
  ASSERT(11, __atomic_fetch_xor(&x, 5, 0));
  ASSERT(14, x);
  ASSERT(14, __atomic_fetch_nand(&x, 7, 0));
  ASSERT(~6, x);
  x = 14;
  ASSERT(~6, __atomic_nand_fetch(&x, 7, 0));
  x = 1;
  ASSERT(3, __atomic_add_fetch(&x, 2, 0));
  ASSERT(2, __atomic_and_fetch(&x, 6, 0));
  ASSERT(6, __atomic_or_fetch(&x, 4, 0));
  ASSERT(3, __atomic_xor_fetch(&x, 5, 0));
  ASSERT(0, __atomic_sub_fetch(&x, 3, 0));
  ASSERT(0, __atomic_fetch_sub(&x, 1, 0));
  ASSERT(-1, x);

  // compare-and-exchange: success stores desired, failure copies the object into *expected
  int expected = -1;
  ASSERT(1, __atomic_compare_exchange_n(&x, &expected, 7, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
  ASSERT(7, x);
  ASSERT(-1, expected);
  ASSERT(0, __atomic_compare_exchange_n(&x, &expected, 9, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
  ASSERT(7, x);
  ASSERT(7, expected);

  // wrap-around and conversion to the object's type
  signed char sc = 127;
  ASSERT(127, __atomic_fetch_add(&sc, 1, 0));
  ASSERT(-128, sc);
  unsigned char uc = 250;
  ASSERT(44, __atomic_add_fetch(&uc, 50, 0));
  ASSERT(44, __atomic_add_fetch(&uc, 256, 0));
  unsigned short us = 0;
  ASSERT(65535, __atomic_sub_fetch(&us, 1, 0));
  short s = -5;
  ASSERT(-5, __atomic_fetch_xor(&s, -1, 0));
  ASSERT(4, s);
  ASSERT64(5, __atomic_fetch_add(&counter, 0x100000000LL, 0));
  ASSERT64(0x100000005LL, counter);
  long long ll = 0x7fffffffffffffffLL;
  ASSERT64(-0x7fffffffffffffffLL - 1, __atomic_add_fetch(&ll, 1, 0));
  unsigned long long ull = 0;
  ASSERT64(-1, __atomic_sub_fetch(&ull, 1, 0) == ~0ULL ? -1 : 0);
  ASSERT64(0xf0f0f0f0f0f0f0f0LL, __atomic_and_fetch(&ull, 0xf0f0f0f0f0f0f0f0ULL, 0));
  _Bool b = 0;
  __atomic_store_n(&b, 5, 0);
  ASSERT(1, b);
  ASSERT(1, __atomic_exchange_n(&b, 0, 0));
  ASSERT(0, __atomic_load_n(&b, 0));
  enum color c = RED;
  ASSERT(RED, __atomic_fetch_add(&c, 2, 0));
  ASSERT(BLUE, c);

}

// the result has the object's type; _n and fetch forms on pointers
static void types_and_pointers(void) {
  unsigned char uc = 0;
  short s = 0;
  long long ll = 0;
  int x = 0, expected = 0;
  _Bool b = 0;
  signed char sc = 0;
  unsigned short us = 0;
  ASSERT(1, TYPE(__atomic_load_n(&(char){0}, 0)));
  ASSERT(3, TYPE(__atomic_fetch_add(&uc, 1, 0)));
  ASSERT(4, TYPE(__atomic_add_fetch(&s, 1, 0)));
  ASSERT(10, TYPE(__atomic_exchange_n(&ll, 1, 0)));
  ASSERT(12, TYPE(__atomic_compare_exchange_n(&x, &expected, 0, 0, 5, 5)));
  ASSERT(12, TYPE(__atomic_test_and_set(&b, 0)));
  ASSERT(12, TYPE(__sync_bool_compare_and_swap(&x, 0, 0)));
  ASSERT(2, TYPE(__sync_val_compare_and_swap(&sc, 0, 0)));
  ASSERT(5, TYPE(__sync_fetch_and_add(&us, 1)));
  ASSERT(6, TYPE(__sync_lock_test_and_set(&x, 1)));
  int arr[4] = {1, 2, 3, 4};
  int *p = arr;
  ASSERT(13, TYPE(__atomic_load_n(&p, 0)));
  const char *text = "atomic";
  ASSERT(14, TYPE(__atomic_exchange_n(&text, text + 1, 0)));
  ASSERT('a', *__atomic_exchange_n(&text, text + 1, 0));
  ASSERT('t', *text);
  ASSERT(1, __atomic_load_n(&p, 0) == arr);
  ASSERT(1, __atomic_fetch_add(&p, sizeof(int), 0) == arr);
  ASSERT(2, *p);
  ASSERT(4, *__atomic_add_fetch(&p, 2 * sizeof(int), 0));
  ASSERT(1, *__atomic_sub_fetch(&p, 3 * sizeof(int), 0));
  ASSERT(2, *__sync_add_and_fetch(&p, sizeof(int)));
  ASSERT(2, *__sync_fetch_and_sub(&p, sizeof(int)));
  ASSERT(1, *p);
  int *q = arr + 2;
  int *old = arr;
  ASSERT(0, __atomic_compare_exchange_n(&q, &old, arr, 0, 5, 5));
  ASSERT(1, old == arr + 2);
  ASSERT(1, __atomic_compare_exchange_n(&q, &old, arr + 3, 0, 5, 5));
  ASSERT(4, *q);

}

static void sync(void) {
  int x = 100;
  ASSERT(100, __sync_fetch_and_add(&x, 1));
  ASSERT(101, __sync_fetch_and_sub(&x, 2));
  ASSERT(99, __sync_fetch_and_or(&x, 4));
  ASSERT(103, __sync_fetch_and_and(&x, 0x3c));
  ASSERT(36, __sync_fetch_and_xor(&x, 0xff));
  ASSERT(219, __sync_fetch_and_nand(&x, 0xf));
  ASSERT(~11, x);
  x = 10;
  ASSERT(15, __sync_add_and_fetch(&x, 5));
  ASSERT(12, __sync_sub_and_fetch(&x, 3));
  ASSERT(13, __sync_or_and_fetch(&x, 1));
  ASSERT(9, __sync_and_and_fetch(&x, 11));
  ASSERT(10, __sync_xor_and_fetch(&x, 3));
  ASSERT(~2, __sync_nand_and_fetch(&x, 6));
  x = 5;
  ASSERT(0, __sync_bool_compare_and_swap(&x, 4, 8));
  ASSERT(5, x);
  ASSERT(1, __sync_bool_compare_and_swap(&x, 5, 8));
  ASSERT(8, x);
  ASSERT(8, __sync_val_compare_and_swap(&x, 7, 1));
  ASSERT(8, __sync_val_compare_and_swap(&x, 8, 1));
  ASSERT(1, x);
  ASSERT(1, __sync_lock_test_and_set(&x, 42));
  ASSERT(42, x);
  __sync_lock_release(&x);
  ASSERT(0, x);
  __sync_synchronize();
  // the optional trailing arguments (gcc's protected variables) are not evaluated
  int y = 0;
  __sync_fetch_and_add(&x, 1, y++);
  ASSERT(0, y);
  ASSERT(1, x);

}

// each argument is evaluated once, the memory order too
static void once(void) {
  int x, arr[2];
  calls = 0;
  x = 3;
  ASSERT(3, __atomic_fetch_add(where(&x), 2, order()));
  ASSERT(2, calls);
  ASSERT(5, __atomic_load_n(where(&x), order()));
  __atomic_store_n(where(&x), x + 1, __ATOMIC_SEQ_CST);
  ASSERT(6, x);
  ASSERT(5, calls);
  int i = 0;
  arr[0] = arr[1] = 0;
  __atomic_add_fetch(&arr[i++], 7, 0);
  ASSERT(1, i);
  ASSERT(7, arr[0]);
  ASSERT(0, arr[1]);

}

// the generic forms, on any type
static void generic(void) {
  double d = 1.5, e = 0, f = -0.0;
  __atomic_load(&d, &e, __ATOMIC_ACQUIRE);
  ASSERT(1, e == 1.5);
  e = 2.25;
  __atomic_store(&d, &e, __ATOMIC_RELEASE);
  ASSERT(1, d == 2.25);
  double g = 3.5, h = 0;
  __atomic_exchange(&d, &g, &h, 5);
  ASSERT(1, d == 3.5 && h == 2.25);
  // the new value is read before the old one is written, so val and ret may be one object
  __atomic_exchange(&d, &h, &h, 5);
  ASSERT(1, d == 2.25 && h == 3.5);
  double zero = 0.0;
  ASSERT(0, __atomic_compare_exchange(&zero, &f, &g, 0, 5, 5));
  ASSERT(1, f == 0); // now +0.0
  ASSERT(1, __atomic_compare_exchange(&zero, &f, &g, 0, 5, 5));
  ASSERT(1, zero == 3.5);
  float fl = 1.0f, fe = 1.0f, fd = 4.0f;
  ASSERT(1, __atomic_compare_exchange(&fl, &fe, &fd, 1, 5, 5));
  ASSERT(1, fl == 4.0f);
  struct pair pa = {1, 2}, pb = {1, 2}, pc = {3, 4};
  ASSERT(1, __atomic_compare_exchange(&pa, &pb, &pc, 0, 5, 5));
  ASSERT(3, pa.a);
  ASSERT(4, pa.b);
  ASSERT(0, __atomic_compare_exchange(&pa, &pb, &pc, 0, 5, 5));
  ASSERT(3, pb.a);
  ASSERT(4, pb.b);
  struct quad qa = {1, 2}, qb = {0, 0}, qc = {5, 6};
  __atomic_load(&qa, &qb, 5);
  ASSERT(2, qb.b);
  __atomic_exchange(&qa, &qc, &qb, 5);
  ASSERT(5, qa.a);
  ASSERT(1, qb.a);
  unsigned un = 0;
  int si = -1;
  __atomic_store(&un, &si, 5);
  ASSERT(1, un == 0xffffffffu);

}

// flags, fences, lock-freedom
int main(void) {
  integers();
  types_and_pointers();
  sync();
  once();
  generic();
  int x = 0;
  unsigned char uc = 0;
  unsigned char flag = 0;
  ASSERT(0, __atomic_test_and_set(&flag, __ATOMIC_ACQUIRE));
  ASSERT(1, flag);
  ASSERT(1, __atomic_test_and_set(&flag, __ATOMIC_ACQUIRE));
  __atomic_clear(&flag, __ATOMIC_RELEASE);
  ASSERT(0, flag);
  __atomic_test_and_set(&flagged, 5);
  ASSERT(1, flagged);
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  __atomic_signal_fence(__ATOMIC_ACQ_REL);
  ASSERT(1, always);
  ASSERT(1, __atomic_always_lock_free(1, 0));
  ASSERT(1, __atomic_always_lock_free(2, 0));
  ASSERT(0, __atomic_always_lock_free(3, 0));
  ASSERT(1, __atomic_always_lock_free(sizeof(long long), &counter));
  ASSERT(0, __atomic_always_lock_free(16, 0));
  ASSERT(0, __atomic_always_lock_free(4, (void *)6));
  ASSERT(0, __atomic_always_lock_free(4, &uc));
  ASSERT(0, __atomic_always_lock_free(4, (void *)&uc));
  ASSERT(1, __atomic_is_lock_free(4, 0));
  ASSERT(1, __atomic_is_lock_free(sizeof x, &x));
  char table[__atomic_always_lock_free(2, 0) ? 2 : 1];
  ASSERT(2, sizeof table);
  ASSERT(0, __ATOMIC_RELAXED);
  ASSERT(1, __ATOMIC_CONSUME);
  ASSERT(2, __ATOMIC_ACQUIRE);
  ASSERT(3, __ATOMIC_RELEASE);
  ASSERT(4, __ATOMIC_ACQ_REL);
  ASSERT(5, __ATOMIC_SEQ_CST);
  ASSERT(2, __GCC_ATOMIC_BOOL_LOCK_FREE + __GCC_ATOMIC_CHAR_LOCK_FREE + __GCC_ATOMIC_SHORT_LOCK_FREE
                + __GCC_ATOMIC_INT_LOCK_FREE + __GCC_ATOMIC_LONG_LOCK_FREE + __GCC_ATOMIC_LLONG_LOCK_FREE
                + __GCC_ATOMIC_POINTER_LOCK_FREE + __GCC_ATOMIC_WCHAR_T_LOCK_FREE + __GCC_ATOMIC_CHAR16_T_LOCK_FREE
                + __GCC_ATOMIC_CHAR32_T_LOCK_FREE - 18);
  ASSERT(1, __GCC_ATOMIC_TEST_AND_SET_TRUEVAL);
#if defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_1) && defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_2) \
    && defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_4) && defined(__GCC_HAVE_SYNC_COMPARE_AND_SWAP_8)
  puts("__sync compare-and-swap on 1, 2, 4 and 8 bytes");
#endif
  return DONE();
}
