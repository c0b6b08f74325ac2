/*
 * Random numbers as glibc makes them, to the same sequences for the same seeds: rand and random
 * (one additive feedback generator, whose state initstate and setstate switch), rand_r, the
 * 48-bit linear congruential family drand48 ... lcong48, and glibc's reentrant forms of both
 * (random_r ..., drand48_r ...). Written from the algorithms' published descriptions; the
 * feature tests random_*.c compare every sequence with gcc's build.
 *
 * Each public function calls only the static ones here, so that a program defining its own
 * random or drand48_r does not change what rand or drand48 return (as with glibc).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

/*
 * random()'s generator. A state is `degree` words r[0..degree) with two positions, front and
 * rear, `separation` words apart: a step adds the rear word to the front word, returns the sum's
 * top 31 bits and moves both positions on by one, cyclically. Kind 0 (degree 0) is a plain
 * linear congruential generator in r[0] instead. The kind follows from the size of initstate's
 * buffer (8, 32, 64, 128 or 256 bytes and more: kinds 0 to 4); the word before r[0] holds
 * 5 * rear + kind while the state is not in use, which is all setstate needs to resume it.
 * struct random_data (<stdlib.h>) is one such generator; random() and rand() use their own.
 */
#define KINDS 5
static const int degrees[KINDS] = {0, 7, 15, 31, 63};
static const int separations[KINDS] = {0, 3, 1, 3, 1};

static int32_t step(struct random_data *g) {
  int32_t *r = g->state;
  if (g->rand_type == 0) {
    uint32_t v = ((uint32_t)r[0] * 1103515245u + 12345u) & 0x7FFFFFFFu;
    r[0] = (int32_t)v;
    return (int32_t)v;
  }
  uint32_t sum = (uint32_t)*g->fptr + (uint32_t)*g->rptr;
  *g->fptr = (int32_t)sum;
  if (++g->fptr == g->end_ptr) g->fptr = r;
  if (++g->rptr == g->end_ptr) g->rptr = r;
  return (int32_t)(sum >> 1);
}

/*
 * Fills the state from seed (0 counts as 1): r[i] = 16807 r[i-1] mod (2^31 - 1), computed the
 * way Schrage showed so that no product leaves 32 bits (a seed of 2^31 or more is a negative
 * r[0] and stays so in that arithmetic), then 10 * degree steps are thrown away.
 */
static void seed(struct random_data *g, unsigned s) {
  int32_t *r = g->state;
  int degree = g->rand_deg;
  if (s == 0) s = 1;
  r[0] = (int32_t)s;
  if (g->rand_type == 0) return;
  int32_t w = (int32_t)s;
  for (int i = 1; i < degree; i++) {
    int32_t hi = w / 127773, lo = w % 127773;
    w = 16807 * lo - 2836 * hi;
    if (w < 0) w += 2147483647;
    r[i] = w;
  }
  /* the steps thrown away, in ten rounds of degree steps; each round ends where it began */
  for (int round = 0; round < 10; round++) {
    for (int rear = 0, front = g->rand_sep; rear < degree; rear++) {
      r[front] = (int32_t)((uint32_t)r[front] + (uint32_t)r[rear]);
      if (++front == degree) front = 0;
    }
  }
  g->fptr = r + g->rand_sep;
  g->rptr = r;
}

/* Writes the position of g's state into the word before it, for a later setstate. */
static void park(struct random_data *g) {
  if (g->state != NULL) g->state[-1] = g->rand_type == 0 ? 0 : (int32_t)(KINDS * (g->rptr - g->state) + g->rand_type);
}

static void use_kind(struct random_data *g, int32_t *state, int kind) {
  g->state = state;
  g->rand_type = kind;
  g->rand_deg = degrees[kind];
  g->rand_sep = separations[kind];
  g->end_ptr = state + degrees[kind];
}

/* Seeds a new state in buffer, whose size gives the kind, after parking g's; -1 for a size under 8. */
static int init_state(struct random_data *g, unsigned s, char *buffer, size_t size) {
  park(g);
  int kind = size >= 256 ? 4 : size >= 128 ? 3 : size >= 64 ? 2 : size >= 32 ? 1 : size >= 8 ? 0 : -1;
  if (kind < 0) return -1;
  use_kind(g, (int32_t *)buffer + 1, kind);
  seed(g, s);
  park(g);
  return 0;
}

/* Resumes the state in buffer (made by initstate) where it stopped, after parking g's. */
static int set_state(struct random_data *g, char *buffer) {
  park(g);
  int32_t *state = (int32_t *)buffer + 1;
  int32_t position = state[-1];
  int kind = position % KINDS;
  if (kind < 0) return -1;
  use_kind(g, state, kind);
  if (kind != 0) {
    int rear = position / KINDS;
    g->rptr = state + rear;
    g->fptr = state + (rear + g->rand_sep) % g->rand_deg;
  }
  return 0;
}

static int invalid(void) {
  errno = EINVAL;
  return -1;
}

int random_r(struct random_data *g, int32_t *result) {
  if (g == NULL || result == NULL) return invalid();
  *result = step(g);
  return 0;
}

int srandom_r(unsigned s, struct random_data *g) {
  if (g == NULL || g->state == NULL || (unsigned)g->rand_type >= KINDS) return invalid();
  seed(g, s);
  return 0;
}

int initstate_r(unsigned s, char *buffer, size_t size, struct random_data *g) {
  if (g == NULL || init_state(g, s, buffer, size) != 0) return invalid();
  return 0;
}

int setstate_r(char *buffer, struct random_data *g) {
  if (buffer == NULL || g == NULL || set_state(g, buffer) != 0) return invalid();
  return 0;
}

static int32_t default_buffer[32]; /* 128 bytes: kind 3, where random() starts */
static struct random_data shared;  /* random()'s; no state before the first call */

/* A program that never seeds gets the sequence of srandom(1). */
static struct random_data *started(void) {
  if (shared.state == NULL) {
    use_kind(&shared, default_buffer + 1, 3);
    seed(&shared, 1);
  }
  return &shared;
}

long random(void) {
  return step(started());
}

/* glibc's rand is random, and srand srandom: they share one state. */
int rand(void) {
  return step(started());
}

void srandom(unsigned s) {
  if (shared.state == NULL) use_kind(&shared, default_buffer + 1, 3);
  seed(&shared, s);
}

void srand(unsigned s) {
  if (shared.state == NULL) use_kind(&shared, default_buffer + 1, 3);
  seed(&shared, s);
}

/* Both return the buffer of the state used before, NULL (errno EINVAL) for a bad argument. */
char *initstate(unsigned s, char *buffer, size_t size) {
  char *old = (char *)(started()->state - 1);
  if (init_state(&shared, s, buffer, size) != 0) {
    errno = EINVAL;
    return NULL;
  }
  return old;
}

char *setstate(char *buffer) {
  char *old = (char *)(started()->state - 1);
  if (buffer == NULL || set_state(&shared, buffer) != 0) {
    errno = EINVAL;
    return NULL;
  }
  return old;
}

/* POSIX's reentrant rand: three steps of the classic LCG, 11 + 10 + 10 bits of their tops. */
int rand_r(unsigned *state) {
  unsigned x = *state;
  x = x * 1103515245u + 12345u;
  int result = (int)((x >> 16) & 2047);
  x = x * 1103515245u + 12345u;
  result = (result << 10) ^ (int)((x >> 16) & 1023);
  x = x * 1103515245u + 12345u;
  result = (result << 10) ^ (int)((x >> 16) & 1023);
  *state = x;
  return result;
}

/*
 * The 48-bit family: X = a X + c mod 2^48, X kept as three 16-bit words, least significant
 * first. A struct drand48_data holds an X, the X seed48 replaced, a and c; while its __init is 0
 * (a zeroed struct), a and c are the defaults. drand48, lrand48 and mrand48 step the library's
 * X, which is 0 before any seeding, as in glibc; erand48, nrand48 and jrand48 step the caller's,
 * with the library's a and c (which lcong48 sets). The _r forms take the struct instead.
 */
static struct drand48_data shared48;

static void step48(unsigned short x[3], struct drand48_data *d) {
  if (!d->__init) {
    d->__a = 0x5DEECE66DULL;
    d->__c = 0xB;
    d->__init = 1;
  }
  unsigned long long v = (unsigned long long)x[2] << 32 | (unsigned long long)x[1] << 16 | x[0];
  v = v * d->__a + d->__c;
  x[0] = (unsigned short)v;
  x[1] = (unsigned short)(v >> 16);
  x[2] = (unsigned short)(v >> 32);
}

/* X / 2^48 exactly: X as the top 48 bits of the fraction of a double in [1, 2), less 1. */
static double fraction48(const unsigned short x[3]) {
  union { unsigned long long bits; double d; } u;
  u.bits = 0x3FF0000000000000ULL | (unsigned long long)x[2] << 36 | (unsigned long long)x[1] << 20
      | (unsigned long long)x[0] << 4;
  return u.d - 1.0;
}

/* X's top 31 bits, 0 .. 2^31 - 1 */
static long top31(const unsigned short x[3]) {
  return (long)((unsigned long)x[2] << 15 | (unsigned long)(x[1] >> 1));
}

/* X's top 32 bits as a signed number, -2^31 .. 2^31 - 1 */
static long top32(const unsigned short x[3]) {
  return (long)(int32_t)((uint32_t)x[2] << 16 | x[1]);
}

/* X's top 32 bits from s (its low 32 bits, as on glibc's 64-bit long), the low 16 0x330E */
static void seed48_from(struct drand48_data *d, long s) {
  d->__x[0] = 0x330E;
  d->__x[1] = (unsigned short)s;
  d->__x[2] = (unsigned short)((unsigned long)s >> 16);
  d->__a = 0x5DEECE66DULL;
  d->__c = 0xB;
  d->__init = 1;
}

static void replace48(struct drand48_data *d, const unsigned short x[3]) {
  for (int i = 0; i < 3; i++) {
    d->__old_x[i] = d->__x[i];
    d->__x[i] = x[i];
  }
  d->__a = 0x5DEECE66DULL;
  d->__c = 0xB;
  d->__init = 1;
}

/* param: X (3 words), a (3 words), c */
static void set48(struct drand48_data *d, const unsigned short param[7]) {
  for (int i = 0; i < 3; i++) d->__x[i] = param[i];
  d->__a = (unsigned long long)param[5] << 32 | (unsigned long long)param[4] << 16 | param[3];
  d->__c = param[6];
  d->__init = 1;
}

double drand48(void) {
  step48(shared48.__x, &shared48);
  return fraction48(shared48.__x);
}

double erand48(unsigned short x[3]) {
  step48(x, &shared48);
  return fraction48(x);
}

long lrand48(void) {
  step48(shared48.__x, &shared48);
  return top31(shared48.__x);
}

long nrand48(unsigned short x[3]) {
  step48(x, &shared48);
  return top31(x);
}

long mrand48(void) {
  step48(shared48.__x, &shared48);
  return top32(shared48.__x);
}

long jrand48(unsigned short x[3]) {
  step48(x, &shared48);
  return top32(x);
}

void srand48(long s) {
  seed48_from(&shared48, s);
}

/* returns the X it replaced, in a buffer of the library's */
unsigned short *seed48(unsigned short x[3]) {
  replace48(&shared48, x);
  return shared48.__old_x;
}

void lcong48(unsigned short param[7]) {
  set48(&shared48, param);
}

int drand48_r(struct drand48_data *d, double *result) {
  step48(d->__x, d);
  *result = fraction48(d->__x);
  return 0;
}

int erand48_r(unsigned short x[3], struct drand48_data *d, double *result) {
  step48(x, d);
  *result = fraction48(x);
  return 0;
}

int lrand48_r(struct drand48_data *d, long *result) {
  step48(d->__x, d);
  *result = top31(d->__x);
  return 0;
}

int nrand48_r(unsigned short x[3], struct drand48_data *d, long *result) {
  step48(x, d);
  *result = top31(x);
  return 0;
}

int mrand48_r(struct drand48_data *d, long *result) {
  step48(d->__x, d);
  *result = top32(d->__x);
  return 0;
}

int jrand48_r(unsigned short x[3], struct drand48_data *d, long *result) {
  step48(x, d);
  *result = top32(x);
  return 0;
}

int srand48_r(long s, struct drand48_data *d) {
  seed48_from(d, s);
  return 0;
}

int seed48_r(unsigned short x[3], struct drand48_data *d) {
  replace48(d, x);
  return 0;
}

int lcong48_r(unsigned short param[7], struct drand48_data *d) {
  set48(d, param);
  return 0;
}
