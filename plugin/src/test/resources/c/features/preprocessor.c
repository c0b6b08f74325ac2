#include "test.h"
#include "test.h" /* guarded: a second include changes nothing */

#define ANSWER 42
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define COUNT_ARGS(...) count_args(__VA_ARGS__, -1)
#define FIRST(first, ...) first
#define REST(first, ...) (0, ##__VA_ARGS__)
#define EMPTY
#define TWICE(f, x) f(f(x))
#define INC(x) ((x) + 1)
#define OBJECT_LIKE (1 + 2)

static int count_args(int first, ...) {
  return first;
}

static int self_ref = 5;
#define self_ref (self_ref + 1)

#if ANSWER == 42 && defined(SQUARE)
static int conditional = 1;
#elif ANSWER > 0
static int conditional = 2;
#else
static int conditional = 3;
#endif

#ifdef NOT_DEFINED
#error "this group is skipped"
#endif

#ifndef NOT_DEFINED
#define WAS_NOT_DEFINED 1
#endif

#if 0
this text is never lexed as C: it's an unterminated ' quote
#endif

#undef ANSWER
#ifndef ANSWER
#define ANSWER 7
#endif

#if (1 << 4) == 16 && -1 < 0 && 0xFFFFFFFFu > 0 && !defined UNDEFINED_MACRO && 'A' == 65
static int arithmetic_ok = 1;
#else
static int arithmetic_ok = 0;
#endif

#if defined(__wasm__) || defined(__x86_64__)
static int known_target = 1;
#else
static int known_target = 0;
#endif

int main(void) {
  ASSERT(7, ANSWER);
  ASSERT(49, SQUARE(7));
  ASSERT(9, SQUARE(1 + 2));
  ASSERT(5, MAX(3, 5));
  int xy = 11;
  ASSERT(11, CAT(x, y));
  ASSERT(3, XCAT(1, 2) - 9);
  ASSERT(1, conditional);
  ASSERT(1, WAS_NOT_DEFINED);
  ASSERT(1, arithmetic_ok);
  ASSERT(1, known_target);
  ASSERT(6, self_ref);
  ASSERT(4, TWICE(INC, 2));
  ASSERT(3, OBJECT_LIKE);
  ASSERT(3, FIRST(3, 4, 5));
  ASSERT(0, REST(1));
  ASSERT(9, REST(1, 9));
  ASSERT(1, COUNT_ARGS(1, 2, 3) == 1);
  ASSERT(3, (int)sizeof(STR(ab)));
  ASSERT('a', STR(abc)[0]);
  ASSERT('7', XSTR(ANSWER * 6)[0]);
  ASSERT(1, sizeof(XSTR(ANSWER)) == 2);
  ASSERT(__LINE__, __LINE__);
  ASSERT('"', STR("q")[0]);
  ASSERT(1, EMPTY 1);
  ASSERT(1, __STDC__);
  return DONE();
}
