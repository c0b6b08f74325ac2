/*
 * Random numbers as glibc makes them, to the same sequences for the same seeds: rand and random
 * (one additive feedback generator, whose state initstate and setstate switch), rand_r, and the
 * 48-bit linear congruential family drand48 ... lcong48. Written from the algorithms' published
 * descriptions; the feature tests random_*.c compare every sequence with gcc's build.
 */
#include <errno.h>
#include <stdlib.h>

/*
 * random()'s generator. A state is `degree` words r[0..degree) with two positions, front and
 * rear, `separation` words apart: a step adds r[rear] to r[front], returns the sum's top 31 bits
 * and moves both positions on by one, cyclically. Kind 0 (degree 0) is a plain linear
 * congruential generator in r[0] instead. The kind follows from the size of initstate's buffer
 * (8, 32, 64, 128 or 256 bytes and more: kinds 0 to 4); the word before r[0] holds
 * 5 * rear + kind while the state is not in use, which is all setstate needs to resume it.
 */
#define KINDS 5
static const int degrees[KINDS] = {0, 7, 15, 31, 63};
static const int separations[KINDS] = {0, 3, 1, 3, 1};

static unsigned default_buffer[32]; /* 128 bytes: kind 3, where random() starts */
static unsigned *words;             /* r[0] of the state in use; NULL before the first call */
static int kind, degree, separation;
static int front, rear;

static unsigned next_word(void) {
  if (kind == 0) {
    unsigned v = (words[0] * 1103515245u + 12345u) & 0x7FFFFFFFu;
    words[0] = v;
    return v;
  }
  unsigned sum = words[front] += words[rear];
  if (++front == degree) front = 0;
  if (++rear == degree) rear = 0;
  return sum >> 1;
}

/*
 * Fills the state from seed (0 counts as 1): r[i] = 16807 r[i-1] mod (2^31 - 1), computed the
 * way Schrage showed so that no product leaves 32 bits (a seed of 2^31 or more is a negative
 * r[0] and stays so in that arithmetic), then 10 * degree steps are thrown away.
 */
static void seed_words(unsigned seed) {
  if (seed == 0) seed = 1;
  words[0] = seed;
  if (kind == 0) return;
  int r = (int)seed;
  for (int i = 1; i < degree; i++) {
    int hi = r / 127773, lo = r % 127773;
    r = 16807 * lo - 2836 * hi;
    if (r < 0) r += 2147483647;
    words[i] = (unsigned)r;
  }
  /* the steps thrown away, in ten rounds of degree steps; each round ends where it began */
  for (int round = 0; round < 10; round++) {
    for (int r = 0, f = separation; r < degree; r++) {
      words[f] += words[r];
      if (++f == degree) f = 0;
    }
  }
  front = separation;
  rear = 0;
}

static void use_state(unsigned *state, int k) {
  words = state;
  kind = k;
  degree = degrees[k];
  separation = separations[k];
}

/* A program that never seeds gets the sequence of srandom(1). */
static void start(void) {
  if (words) return;
  use_state(default_buffer + 1, 3);
  seed_words(1);
}

/* Writes the position of the state in use into the word before it, for a later setstate. */
static void park(void) {
  words[-1] = kind == 0 ? 0u : (unsigned)(KINDS * rear + kind);
}

long random(void) {
  start();
  return (long)next_word();
}

void srandom(unsigned seed) {
  if (!words) use_state(default_buffer + 1, 3);
  seed_words(seed);
}

/* glibc's rand is random, and srand srandom: they share one state. */
int rand(void) {
  return (int)random();
}

void srand(unsigned seed) {
  srandom(seed);
}

/* Seeds a new state in buffer, whose size gives the kind; returns the previous buffer. */
char *initstate(unsigned seed, char *buffer, size_t size) {
  start();
  unsigned *old = words;
  park();
  int k = size >= 256 ? 4 : size >= 128 ? 3 : size >= 64 ? 2 : size >= 32 ? 1 : size >= 8 ? 0 : -1;
  if (k < 0) {
    errno = EINVAL;
    return NULL;
  }
  use_state((unsigned *)buffer + 1, k);
  seed_words(seed);
  park();
  return (char *)(old - 1);
}

/* Resumes the state in buffer (made by initstate) where it stopped; returns the previous buffer. */
char *setstate(char *buffer) {
  if (buffer == NULL) {
    errno = EINVAL;
    return NULL;
  }
  start();
  unsigned *old = words;
  park();
  unsigned *state = (unsigned *)buffer + 1;
  int position = (int)state[-1];
  int k = position % KINDS;
  if (k < 0) {
    errno = EINVAL;
    return NULL;
  }
  use_state(state, k);
  if (k != 0) {
    rear = position / KINDS;
    front = (rear + separation) % degree;
  }
  return (char *)(old - 1);
}

/* POSIX's reentrant rand: three steps of the classic LCG, 11 + 10 + 10 bits of their tops. */
int rand_r(unsigned *seed) {
  unsigned x = *seed;
  x = x * 1103515245u + 12345u;
  int result = (int)((x >> 16) & 2047);
  x = x * 1103515245u + 12345u;
  result = (result << 10) ^ (int)((x >> 16) & 1023);
  x = x * 1103515245u + 12345u;
  result = (result << 10) ^ (int)((x >> 16) & 1023);
  *seed = x;
  return result;
}

/*
 * The 48-bit family: X = a X + c mod 2^48, X kept as three 16-bit words, least significant
 * first. drand48, lrand48 and mrand48 step the library's X; erand48, nrand48 and jrand48 step
 * the caller's, with the library's a and c (which lcong48 sets). Before any seeding X is 0, as
 * in glibc.
 */
static unsigned short x48[3];
static unsigned short replaced48[3]; /* seed48 returns the X it replaced */
static unsigned long long a48 = 0x5DEECE66DULL;
static unsigned short c48 = 0xB;

static void step48(unsigned short x[3]) {
  unsigned long long v = (unsigned long long)x[2] << 32 | (unsigned long long)x[1] << 16 | x[0];
  v = v * a48 + c48;
  x[0] = (unsigned short)v;
  x[1] = (unsigned short)(v >> 16);
  x[2] = (unsigned short)(v >> 32);
}

/* X / 2^48 exactly: X as the top 48 bits of the fraction of a double in [1, 2), less 1. */
double erand48(unsigned short x[3]) {
  step48(x);
  union { unsigned long long bits; double d; } u;
  u.bits = 0x3FF0000000000000ULL | (unsigned long long)x[2] << 36 | (unsigned long long)x[1] << 20
      | (unsigned long long)x[0] << 4;
  return u.d - 1.0;
}

double drand48(void) {
  return erand48(x48);
}

/* X's top 31 bits, 0 .. 2^31 - 1 */
long nrand48(unsigned short x[3]) {
  step48(x);
  return (long)((unsigned long)x[2] << 15 | (unsigned long)(x[1] >> 1));
}

long lrand48(void) {
  return nrand48(x48);
}

/* X's top 32 bits as a signed number, -2^31 .. 2^31 - 1 */
long jrand48(unsigned short x[3]) {
  step48(x);
  return (long)(int)((unsigned)x[2] << 16 | x[1]);
}

long mrand48(void) {
  return jrand48(x48);
}

static void default_multiplier48(void) {
  a48 = 0x5DEECE66DULL;
  c48 = 0xB;
}

/* X's top 32 bits from seed (its low 32 bits, as on glibc's 64-bit long), the low 16 0x330E */
void srand48(long seed) {
  x48[0] = 0x330E;
  x48[1] = (unsigned short)seed;
  x48[2] = (unsigned short)((unsigned long)seed >> 16);
  default_multiplier48();
}

unsigned short *seed48(unsigned short seed[3]) {
  for (int i = 0; i < 3; i++) {
    replaced48[i] = x48[i];
    x48[i] = seed[i];
  }
  default_multiplier48();
  return replaced48;
}

/* param: X (3 words), a (3 words), c */
void lcong48(unsigned short param[7]) {
  for (int i = 0; i < 3; i++) x48[i] = param[i];
  a48 = (unsigned long long)param[5] << 32 | (unsigned long long)param[4] << 16 | param[3];
  c48 = param[6];
}
