#ifndef _TIME_H
#define _TIME_H

/*
 * A program on the transformer has no clock: a run is a pure function of its program,
 * arguments and input. time() and clock() say so as C lets them, with (time_t)-1 and
 * (clock_t)-1, so that a program seeding rand with time(NULL) compiles and runs the same on
 * every run; clock_gettime's realtime clock reads that instant, its other clocks stand at 0
 * (a program timing itself measures 0), and a sleep takes no time. The calendar functions are computation; a run has no time zone, so local time is
 * UTC (as glibc's with TZ unset on a system whose zone is UTC).
 */
#include <stddef.h>

#define CLOCKS_PER_SEC 1000000L

/* 64 bits, as glibc's on x86-64 and wasi-libc's, so that dates after 2038 work */
typedef long long time_t;
typedef long clock_t;

/* glibc's layout; tm_gmtoff and tm_zone are its extensions */
struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};

time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t end, time_t start);

/* C11's and POSIX's clocks (time.c): the realtime clock reads time()'s instant, the others 0 */
#include <bits/timespec.h>
typedef int clockid_t; /* the same declaration as <sys/types.h>'s */
#define TIME_UTC 1
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11
int timespec_get(struct timespec *ts, int base);
int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *res);
int nanosleep(const struct timespec *request, struct timespec *remaining);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *result);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *result);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm);

/* the zone is always UTC: tzset() has nothing to read */
extern char *tzname[2];
extern long timezone;
extern int daylight;
void tzset(void);

#endif
