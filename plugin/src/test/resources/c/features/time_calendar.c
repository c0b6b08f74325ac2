/* <time.h>'s calendar: gmtime, localtime (UTC), mktime, timegm, asctime, ctime and their _r
   forms, with glibc's results for fields out of range and years that overflow. */
#include <errno.h>
#include <string.h>
#include <time.h>
#include "test.h"

static void show(const char *what, const struct tm *tm) {
  printf("%s: %d-%02d-%02d %02d:%02d:%02d wday %d yday %d dst %d off %ld %s\n", what, tm->tm_year + 1900,
      tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_wday, tm->tm_yday, tm->tm_isdst,
      (long)tm->tm_gmtoff, tm->tm_zone);
}

static struct tm fields(int year, int mon, int mday, int hour, int min, int sec) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  tm.tm_year = year - 1900;
  tm.tm_mon = mon;
  tm.tm_mday = mday;
  tm.tm_hour = hour;
  tm.tm_min = min;
  tm.tm_sec = sec;
  return tm;
}

int main(void) {
  ASSERT(8, sizeof(time_t));
  time_t times[] = {0, -1, 86399, 951782400, 951868800, 1700000000, 2147483647, 2147483648LL, 4102444800LL,
      253402300799LL, -2208988800LL, -62135596800LL, -62167219200LL, -62167219201LL, -210866803200LL};
  for (int i = 0; i < (int)(sizeof times / sizeof times[0]); i++) {
    char label[32];
    snprintf(label, sizeof label, "%lld", (long long)times[i]);
    show(label, gmtime(&times[i]));
    struct tm local;
    ASSERT(1, localtime_r(&times[i], &local) == &local);
    struct tm *g = gmtime(&times[i]);
    ASSERT(1, local.tm_yday == g->tm_yday && local.tm_sec == g->tm_sec && local.tm_year == g->tm_year);
    ASSERT(0, strcmp(local.tm_zone, "UTC"));
    ASSERT64(times[i], timegm(g));
    ASSERT64(times[i], mktime(&local));
  }

  // round trips through every day of four centuries' worth of steps
  unsigned long long x = 12345;
  for (int i = 0; i < 300; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    time_t t = (time_t)(x >> 20) - (1LL << 43);
    struct tm tm;
    ASSERT(1, gmtime_r(&t, &tm) == &tm);
    ASSERT64(t, timegm(&tm));
  }

  // normalization: each field may be out of range
  struct tm tm = fields(2023, 13, 0, -1, 75, -10);
  time_t t = mktime(&tm);
  printf("%lld\n", (long long)t);
  show("normalized", &tm);
  tm = fields(2024, 1, 29, 24, 0, 0);
  ASSERT64(1709251200LL, timegm(&tm));
  show("leap day + 24h", &tm);
  tm = fields(1970, 0, 1, 0, 0, 0);
  tm.tm_isdst = 1; // summer time in a zone that has none: an hour earlier, as glibc reads it
  ASSERT64(-3600, mktime(&tm));
  show("isdst", &tm);
  tm = fields(1969, 11, 31, 23, 59, 59);
  tm.tm_isdst = -1;
  errno = 0;
  ASSERT64(-1, mktime(&tm));
  ASSERT(0, errno);
  tm = fields(2000, -25, 400, 0, 0, 0);
  timegm(&tm);
  show("negative month", &tm);

  // years that int cannot hold
  tm = fields(2000, 0, 1, 0, 0, 0);
  tm.tm_year = 2147483647;
  tm.tm_mon = 12;
  errno = 0;
  ASSERT64(-1, mktime(&tm));
  ASSERT(EOVERFLOW, errno);
  ASSERT(12, tm.tm_mon);
  t = 0x7fffffffffffffffLL;
  errno = 0;
  ASSERT(1, gmtime(&t) == NULL);
  ASSERT(EOVERFLOW, errno);
  errno = 0;
  ASSERT(1, ctime(&t) == NULL);
  ASSERT(EINVAL, errno);
  t = -67768040609740800LL;
  show("earliest", gmtime(&t));

  // the asctime family
  t = 1700000000;
  printf("%s", asctime(gmtime(&t)));
  printf("%s", ctime(&t));
  char buf[26];
  ASSERT(1, ctime_r(&t, buf) == buf);
  printf("%s", buf);
  tm = fields(9999, 11, 31, 23, 59, 59);
  tm.tm_wday = 9;
  tm.tm_mon = 12;
  printf("%s", asctime(&tm));
  tm = fields(-50, 1, -1, -1, 5, 100);
  printf("%s", asctime(&tm));
  tm = fields(10000, 0, 123, 100, 0, 0);
  printf("%s", asctime(&tm));
  errno = 0;
  ASSERT(1, asctime_r(&tm, buf) == NULL);
  ASSERT(EOVERFLOW, errno);
  tm = fields(9000, 5, 12, 10, 0, 0);
  ASSERT(1, asctime_r(&tm, buf) == buf);
  printf("%s", buf);

#ifndef __wasi__ // wasi-libc has no time zones at all
  tzset();
  printf("%s %s %ld %d\n", tzname[0], tzname[1], timezone, daylight);
#else
  printf("UTC UTC 0 0\n");
#endif
  ASSERT(1, difftime(1700000000, 1600000000) == 1e8);
  printf("%d assertions\n", assertions);
  return 0;
}
