#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>
/* glibc's <stdlib.h> gives alloca too (in its default, GNU mode) */
#include <alloca.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
/* the multibyte encoding is UTF-8 (see <wchar.h>) */
#define MB_CUR_MAX ((size_t)4)

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;

void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double strtod(const char *s, char **end);
float strtof(const char *s, char **end);
long double strtold(const char *s, char **end);
double atof(const char *s);

int abs(int x);
long labs(long x);
long long llabs(long long x);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);

int mblen(const char *s, size_t n);
int mbtowc(wchar_t *pwc, const char *s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *dest, const char *src, size_t n);
size_t wcstombs(char *dest, const wchar_t *src, size_t n);

void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t count, size_t size,
              int (*compare)(const void *, const void *));

/* glibc's generators, to its sequences; the POSIX and X/Open ones are there in its default mode */
int rand(void);
void srand(unsigned seed);
int rand_r(unsigned *seed);
long random(void);
void srandom(unsigned seed);
char *initstate(unsigned seed, char *state, size_t size);
char *setstate(char *state);
double drand48(void);
double erand48(unsigned short xsubi[3]);
long lrand48(void);
long nrand48(unsigned short xsubi[3]);
long mrand48(void);
long jrand48(unsigned short xsubi[3]);
void srand48(long seed);
unsigned short *seed48(unsigned short seed16v[3]);
void lcong48(unsigned short param[7]);
/* glibc's reentrant forms (its default mode has them): the state in the caller's struct */
typedef int int32_t;
struct random_data {
  int32_t *fptr;    /* the front and rear words */
  int32_t *rptr;
  int32_t *state;   /* the words, after the one that records kind and position */
  int rand_type;    /* the kind, 0 to 4 */
  int rand_deg;     /* the number of words */
  int rand_sep;     /* front - rear */
  int32_t *end_ptr; /* state + rand_deg */
};
int random_r(struct random_data *buf, int32_t *result);
int srandom_r(unsigned seed, struct random_data *buf);
int initstate_r(unsigned seed, char *state, size_t size, struct random_data *buf);
int setstate_r(char *state, struct random_data *buf);
struct drand48_data {
  unsigned short __x[3];     /* X, least significant word first */
  unsigned short __old_x[3]; /* the X seed48_r replaced */
  unsigned short __c;
  unsigned short __init;     /* 0: __a and __c are not set yet, the defaults apply */
  unsigned long long __a;
};
int drand48_r(struct drand48_data *buffer, double *result);
int erand48_r(unsigned short xsubi[3], struct drand48_data *buffer, double *result);
int lrand48_r(struct drand48_data *buffer, long *result);
int nrand48_r(unsigned short xsubi[3], struct drand48_data *buffer, long *result);
int mrand48_r(struct drand48_data *buffer, long *result);
int jrand48_r(unsigned short xsubi[3], struct drand48_data *buffer, long *result);
int srand48_r(long seed, struct drand48_data *buffer);
int seed48_r(unsigned short seed16v[3], struct drand48_data *buffer);
int lcong48_r(unsigned short param[7], struct drand48_data *buffer);

char *getenv(const char *name);

_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);

#endif
