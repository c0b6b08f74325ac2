// <sys/time.h>: gettimeofday succeeds and agrees with time(); the timeval macros.
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

int main(void) {
  struct timeval tv;
  struct timezone tz = {99, 99};
  int r = gettimeofday(&tv, &tz);
  time_t t = time(NULL);
  printf("gettimeofday = %d\n", r);
  printf("microseconds in range %d\n", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
  printf("seconds agree with time() %d\n", t - tv.tv_sec >= -1 && t - tv.tv_sec <= 1);
  printf("zone %d %d\n", tz.tz_minuteswest, tz.tz_dsttime);
  printf("gettimeofday(NULL zone) = %d\n", gettimeofday(&tv, NULL));

  struct timeval a = {5, 800000}, b = {2, 300000}, c;
  timeradd(&a, &b, &c);
  printf("add %lld.%06lld\n", (long long)c.tv_sec, (long long)c.tv_usec);
  timersub(&b, &a, &c);
  printf("sub %lld.%06lld\n", (long long)c.tv_sec, (long long)c.tv_usec);
  printf("cmp %d %d %d\n", timercmp(&a, &b, >), timercmp(&a, &b, <), timercmp(&a, &a, ==));
  printf("set %d\n", timerisset(&a));
  timerclear(&a);
  printf("cleared %d\n", timerisset(&a));
  printf("sizes %zu %zu\n", sizeof(time_t), sizeof(suseconds_t));
  return 0;
}
