#ifndef _STDATOMIC_H
#define _STDATOMIC_H
/*
 * C11 7.17's atomics for programs that run on one thread, as every program here does: an
 * atomic object is an ordinary object of the same type (the compiler accepts _Atomic on
 * scalars and lays them out as their plain types), each operation below is indivisible
 * because nothing else runs between its read and its write, and every memory order and
 * fence is met by program order. The generic functions are macros (statement expressions)
 * that evaluate each argument once, before the operation, as a call would.
 *
 * Arithmetic follows C11 7.17.7.5: a signed integer wraps around, and a pointer moves by
 * elements (gcc's stdatomic.h moves a pointer by bytes). compare_exchange compares the
 * bytes of the two objects, as C11 7.17.7.4 specifies (so -0.0 is not 0.0 there).
 */
#include <stddef.h>
#include <stdint.h>

typedef enum memory_order {
  memory_order_relaxed,
  memory_order_consume,
  memory_order_acquire,
  memory_order_release,
  memory_order_acq_rel,
  memory_order_seq_cst
} memory_order;

/* Every atomic type is always lock-free. */
#define ATOMIC_BOOL_LOCK_FREE 2
#define ATOMIC_CHAR_LOCK_FREE 2
#define ATOMIC_CHAR16_T_LOCK_FREE 2
#define ATOMIC_CHAR32_T_LOCK_FREE 2
#define ATOMIC_WCHAR_T_LOCK_FREE 2
#define ATOMIC_SHORT_LOCK_FREE 2
#define ATOMIC_INT_LOCK_FREE 2
#define ATOMIC_LONG_LOCK_FREE 2
#define ATOMIC_LLONG_LOCK_FREE 2
#define ATOMIC_POINTER_LOCK_FREE 2

typedef _Atomic _Bool atomic_bool;
typedef _Atomic char atomic_char;
typedef _Atomic signed char atomic_schar;
typedef _Atomic unsigned char atomic_uchar;
typedef _Atomic short atomic_short;
typedef _Atomic unsigned short atomic_ushort;
typedef _Atomic int atomic_int;
typedef _Atomic unsigned int atomic_uint;
typedef _Atomic long atomic_long;
typedef _Atomic unsigned long atomic_ulong;
typedef _Atomic long long atomic_llong;
typedef _Atomic unsigned long long atomic_ullong;
typedef _Atomic uint_least16_t atomic_char16_t;
typedef _Atomic uint_least32_t atomic_char32_t;
typedef _Atomic wchar_t atomic_wchar_t;
typedef _Atomic int_least8_t atomic_int_least8_t;
typedef _Atomic uint_least8_t atomic_uint_least8_t;
typedef _Atomic int_least16_t atomic_int_least16_t;
typedef _Atomic uint_least16_t atomic_uint_least16_t;
typedef _Atomic int_least32_t atomic_int_least32_t;
typedef _Atomic uint_least32_t atomic_uint_least32_t;
typedef _Atomic int_least64_t atomic_int_least64_t;
typedef _Atomic uint_least64_t atomic_uint_least64_t;
typedef _Atomic int_fast8_t atomic_int_fast8_t;
typedef _Atomic uint_fast8_t atomic_uint_fast8_t;
typedef _Atomic int_fast16_t atomic_int_fast16_t;
typedef _Atomic uint_fast16_t atomic_uint_fast16_t;
typedef _Atomic int_fast32_t atomic_int_fast32_t;
typedef _Atomic uint_fast32_t atomic_uint_fast32_t;
typedef _Atomic int_fast64_t atomic_int_fast64_t;
typedef _Atomic uint_fast64_t atomic_uint_fast64_t;
typedef _Atomic intptr_t atomic_intptr_t;
typedef _Atomic uintptr_t atomic_uintptr_t;
typedef _Atomic size_t atomic_size_t;
typedef _Atomic ptrdiff_t atomic_ptrdiff_t;
typedef _Atomic intmax_t atomic_intmax_t;
typedef _Atomic uintmax_t atomic_uintmax_t;

#define ATOMIC_VAR_INIT(value) (value)
#define atomic_init(obj, value) ((void)(*(obj) = (value)))
#define kill_dependency(y) (y)
#define atomic_thread_fence(order) ((void)(order))
#define atomic_signal_fence(order) ((void)(order))
#define atomic_is_lock_free(obj) ((void)(obj), (_Bool)1)

#define atomic_store_explicit(obj, desired, order) \
  __extension__ ({ __typeof__(obj) __wf_obj = (obj); __typeof__(*__wf_obj) __wf_new = (desired); \
    (void)(order); *__wf_obj = __wf_new; (void)0; })
#define atomic_store(obj, desired) atomic_store_explicit(obj, desired, memory_order_seq_cst)

#define atomic_load_explicit(obj, order) \
  __extension__ ({ __typeof__(obj) __wf_obj = (obj); (void)(order); *__wf_obj; })
#define atomic_load(obj) atomic_load_explicit(obj, memory_order_seq_cst)

#define atomic_exchange_explicit(obj, desired, order) \
  __extension__ ({ __typeof__(obj) __wf_obj = (obj); __typeof__(*__wf_obj) __wf_new = (desired); \
    (void)(order); __typeof__(*__wf_obj) __wf_old = *__wf_obj; *__wf_obj = __wf_new; __wf_old; })
#define atomic_exchange(obj, desired) atomic_exchange_explicit(obj, desired, memory_order_seq_cst)

/* Equal bytes: stores desired and gives 1; else copies the object into *expected and gives 0. */
#define atomic_compare_exchange_strong_explicit(obj, expected, desired, success, failure) \
  __extension__ ({ __typeof__(obj) __wf_obj = (obj); __typeof__(expected) __wf_exp = (expected); \
    __typeof__(*__wf_obj) __wf_new = (desired); (void)(success); (void)(failure); \
    const unsigned char *__wf_a = (const unsigned char *)__wf_obj; \
    const unsigned char *__wf_b = (const unsigned char *)__wf_exp; \
    _Bool __wf_equal = 1; \
    for (size_t __wf_i = 0; __wf_i < sizeof *__wf_obj; __wf_i++) \
      if (__wf_a[__wf_i] != __wf_b[__wf_i]) __wf_equal = 0; \
    if (__wf_equal) *__wf_obj = __wf_new; else *__wf_exp = *__wf_obj; \
    __wf_equal; })
#define atomic_compare_exchange_strong(obj, expected, desired) \
  atomic_compare_exchange_strong_explicit(obj, expected, desired, memory_order_seq_cst, memory_order_seq_cst)
/* A weak exchange may fail spuriously; with one thread it never does. */
#define atomic_compare_exchange_weak_explicit(obj, expected, desired, success, failure) \
  atomic_compare_exchange_strong_explicit(obj, expected, desired, success, failure)
#define atomic_compare_exchange_weak(obj, expected, desired) \
  atomic_compare_exchange_strong_explicit(obj, expected, desired, memory_order_seq_cst, memory_order_seq_cst)

/* *obj = *obj OP arg, giving the old value; arg keeps its own type (a pointer's is an integer). */
#define __WF_ATOMIC_FETCH(obj, arg, order, OP) \
  __extension__ ({ __typeof__(obj) __wf_obj = (obj); __typeof__(arg) __wf_arg = (arg); (void)(order); \
    __typeof__(*__wf_obj) __wf_old = *__wf_obj; *__wf_obj = __wf_old OP __wf_arg; __wf_old; })
#define atomic_fetch_add_explicit(obj, arg, order) __WF_ATOMIC_FETCH(obj, arg, order, +)
#define atomic_fetch_sub_explicit(obj, arg, order) __WF_ATOMIC_FETCH(obj, arg, order, -)
#define atomic_fetch_or_explicit(obj, arg, order) __WF_ATOMIC_FETCH(obj, arg, order, |)
#define atomic_fetch_xor_explicit(obj, arg, order) __WF_ATOMIC_FETCH(obj, arg, order, ^)
#define atomic_fetch_and_explicit(obj, arg, order) __WF_ATOMIC_FETCH(obj, arg, order, &)
#define atomic_fetch_add(obj, arg) __WF_ATOMIC_FETCH(obj, arg, memory_order_seq_cst, +)
#define atomic_fetch_sub(obj, arg) __WF_ATOMIC_FETCH(obj, arg, memory_order_seq_cst, -)
#define atomic_fetch_or(obj, arg) __WF_ATOMIC_FETCH(obj, arg, memory_order_seq_cst, |)
#define atomic_fetch_xor(obj, arg) __WF_ATOMIC_FETCH(obj, arg, memory_order_seq_cst, ^)
#define atomic_fetch_and(obj, arg) __WF_ATOMIC_FETCH(obj, arg, memory_order_seq_cst, &)

typedef struct atomic_flag {
  _Bool __wf_set;
} atomic_flag;

#define ATOMIC_FLAG_INIT { 0 }
#define atomic_flag_test_and_set_explicit(obj, order) \
  __extension__ ({ __typeof__(obj) __wf_flag = (obj); (void)(order); \
    _Bool __wf_was = __wf_flag->__wf_set; __wf_flag->__wf_set = 1; __wf_was; })
#define atomic_flag_test_and_set(obj) atomic_flag_test_and_set_explicit(obj, memory_order_seq_cst)
#define atomic_flag_clear_explicit(obj, order) \
  ((void)(order), (void)((obj)->__wf_set = 0))
#define atomic_flag_clear(obj) atomic_flag_clear_explicit(obj, memory_order_seq_cst)

#endif
