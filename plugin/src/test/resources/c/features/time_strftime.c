/* strftime: every C99 conversion with its E and O forms in the C locale, GNU's flags, widths
   and extra conversions, ISO 8601 weeks around new year, and the size limit. */
#include <string.h>
#include <time.h>
#include "test.h"

static void print(const char *format, const struct tm *tm) {
  char buf[200];
  size_t n = strftime(buf, sizeof buf, format, tm);
  ASSERT((int)strlen(buf), (int)n);
  printf("%s => [%s]\n", format, buf);
}

int main(void) {
  time_t t = 1700000000; // a Tuesday afternoon
  struct tm tue = *gmtime(&t);
  t = 946684799 - 12 * 3600; // Friday 31 December 1999, before noon
  struct tm fri = *localtime(&t);
  const char *formats[] = {
      "%a %A %b %B %h", "%c", "%C %y %Y", "%d %e %j", "%D %F %R %T", "%H %I %k %l %M %S %p %P",
      "%m %n%t|", "%r", "%s", "%u %w", "%U %W %V %G %g", "%x %X", "%z %Z", "%%",
      "%Ec %EC %Ex %EX %Ey %EY", "%Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy",
      "%_d %-d %0e %-e %_H %-j %_5Y %3S %-3d %_3d %03d", "%10A|%-10a|%010b|%_10B|%3%|%5n|",
      "%^a %^B %#a %#B %#p %^p %#Z %^Z %^c", "%_12F|%012D|%-5T|%^r",
      "%Q %Ed %OY %E %5Q %", "no conversions",
  };
  for (int i = 0; i < (int)(sizeof formats / sizeof formats[0]); i++) {
    print(formats[i], &tue);
    print(formats[i], &fri);
  }

  // week numbers across new year (the ISO year is the one holding the week's Thursday)
  for (int year = 2003; year <= 2011; year++) {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = year - 1900;
    tm.tm_mon = 11;
    tm.tm_mday = 29;
    char line[120] = "", day[24];
    for (int i = 0; i < 6; i++, tm.tm_mday++) {
      timegm(&tm);
      strftime(day, sizeof day, " %m%d:%G-%V-%u,%U,%W", &tm);
      strcat(line, day);
    }
    printf("%d%s\n", year, line);
  }

  // fields out of range and years before 1
  struct tm odd;
  memset(&odd, 0, sizeof odd);
  odd.tm_year = -1900 - 5;
  odd.tm_mon = 12;
  odd.tm_mday = -5;
  odd.tm_hour = -7;
  odd.tm_wday = 9;
  odd.tm_yday = -3;
  print("%Y %C %y %G %g %F %a %b %d %e %H %I %j %3d %_3d", &odd);
  odd.tm_year = 99 - 1900;
  odd.tm_isdst = -1;
  print("%Y %C %y %5Y %3C|%z|%Z|", &odd);

  // the size limit counts the NUL
  char small[9];
  ASSERT(8, strftime(small, 9, "%H:%M:%S", &tue));
  ASSERT(0, strcmp(small, "22:13:20"));
  ASSERT(0, strftime(small, 8, "%H:%M:%S", &tue));
  ASSERT(0, strftime(small, 9, "%Y-%m-%d", &tue));
  ASSERT(0, strftime(small, 0, "", &tue));
  ASSERT(0, strftime(small, 1, "", &tue));
  ASSERT(0, small[0]);
  printf("%d assertions\n", assertions);
  return 0;
}
