// _Atomic and <stdatomic.h> on one thread: every operation, its result and its effect.
#include <stdatomic.h>
#include <stdio.h>

static atomic_int counter = ATOMIC_VAR_INIT(10);
static _Atomic(unsigned long long) big;
static atomic_flag lock = ATOMIC_FLAG_INIT;
struct node { int value; struct node *next; };
static _Atomic(struct node *) head;

static void push(struct node *n) {
  struct node *old = atomic_load_explicit(&head, memory_order_relaxed);
  do {
    n->next = old;
  } while (!atomic_compare_exchange_weak_explicit(&head, &old, n, memory_order_release, memory_order_relaxed));
}

static int calls;
static int next_value(void) { return ++calls * 100; }

int main(void) {
  _Atomic int x = 5;
  int _Atomic y = 7;
  x += 3;
  x++;
  --x;
  y *= x;
  y <<= 2;
  printf("x %d y %d\n", x, y);

  printf("add %d", atomic_fetch_add(&counter, 5));
  printf(" sub %d", atomic_fetch_sub_explicit(&counter, 2, memory_order_acq_rel));
  printf(" or %d", atomic_fetch_or(&counter, 0x30));
  printf(" xor %d", atomic_fetch_xor(&counter, 0xff));
  printf(" and %d", atomic_fetch_and(&counter, 0x7c));
  printf(" now %d\n", atomic_load(&counter));

  atomic_store(&counter, -1);
  printf("exchange %d", atomic_exchange(&counter, 42));
  printf(" now %d\n", atomic_load_explicit(&counter, memory_order_acquire));

  // wrap-around is defined for atomic signed arithmetic
  atomic_int top = 2147483647;
  printf("wrap %d", atomic_fetch_add(&top, 1));
  printf(" to %d\n", atomic_load(&top));

  int expected = 41;
  _Bool ok = atomic_compare_exchange_strong(&counter, &expected, 7);
  printf("cas %d expected %d counter %d\n", ok, expected, atomic_load(&counter));
  ok = atomic_compare_exchange_strong(&counter, &expected, 7);
  printf("cas %d expected %d counter %d\n", ok, expected, atomic_load(&counter));

  // the desired value is computed before the exchange reads the object
  calls = 0;
  atomic_store(&counter, 1);
  printf("exchange %d", atomic_exchange(&counter, next_value()));
  printf(" counter %d calls %d\n", atomic_load(&counter), calls);

  atomic_init(&big, 0xfffffffffULL);
  atomic_fetch_add(&big, 1);
  printf("big %llx\n", (unsigned long long)atomic_load(&big));

  atomic_double: {
    _Atomic double d = 1.5;
    d = d + 0.25;
    double e = -0.0;
    _Atomic double z = 0.0;
    _Bool same = atomic_compare_exchange_strong(&z, &e, 3.0);   // bytes differ: -0.0 is not 0.0
    printf("double %.2f same %d e %.1f\n", (double)d, same, e);
  }

  struct node a = {1, 0}, b = {2, 0}, c = {3, 0};
  push(&a);
  push(&b);
  push(&c);
  for (struct node *n = atomic_load(&head); n; n = n->next) printf("node %d\n", n->value);

  printf("flag %d", atomic_flag_test_and_set(&lock));
  printf(" %d", atomic_flag_test_and_set_explicit(&lock, memory_order_acquire));
  atomic_flag_clear(&lock);
  printf(" %d\n", atomic_flag_test_and_set(&lock));

  atomic_thread_fence(memory_order_seq_cst);
  atomic_signal_fence(memory_order_seq_cst);
  printf("lock-free %d %d %d\n", atomic_is_lock_free(&counter), atomic_is_lock_free(&big), ATOMIC_INT_LOCK_FREE);
  printf("sizes %zu %zu %zu\n", sizeof(atomic_char), sizeof(atomic_short), sizeof(atomic_llong));
  printf("kill %d\n", kill_dependency(atomic_load(&counter)));
  atomic_uchar u = 250;
  atomic_fetch_add(&u, 10);
  printf("uchar %d\n", atomic_load(&u));
  return atomic_load(&counter) == 100 ? 0 : 1;
}
