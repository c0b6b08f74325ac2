/*
 * <time.h>'s calendar: proleptic Gregorian dates, UTC only (local time is UTC, as with glibc
 * on a system whose zone is UTC). Results match glibc's, also for out-of-range struct tm fields
 * and years before 1 (see docs/c-compiler.md).
 */
#include <errno.h>
#include <limits.h>
#include <time.h>

char *tzname[2] = {"UTC", "UTC"};
long timezone;
int daylight;

void tzset(void) {}

static const char *const day_names[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday"};
static const char *const month_names[12] = {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};

static long long floor_div(long long a, long long b) {
  long long q = a / b;
  return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
}

static long long floor_mod(long long a, long long b) {
  return a - floor_div(a, b) * b;
}

/* Days from 0000-03-01 to the 1 March of year y: counting from March puts the leap day last. */
static long long march_first(long long y) {
  return 365 * y + floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

/* Days from 1970-01-01 (719468 days after 0000-03-01) to day d (1-based) of month m (0..11) of year y. */
static long long days_from_epoch(long long y, int m, long long d) {
  int from_march = (m + 10) % 12;
  return march_first(y - (m < 2)) + (153 * from_march + 2) / 5 + d - 1 - 719468;
}

static int is_leap(long long y) {
  return floor_mod(y, 4) == 0 && (floor_mod(y, 100) != 0 || floor_mod(y, 400) == 0);
}

/* t seconds from the epoch as a date in *tm; NULL with EOVERFLOW when the year is no int. */
static struct tm *to_calendar(time_t t, struct tm *tm, const char *zone) {
  long long days = floor_div(t, 86400), secs = t - days * 86400;
  long long z = days + 719468;
  long long y = floor_div(z * 400, 146097); // at most one off
  while (march_first(y + 1) <= z) y++;
  while (march_first(y) > z) y--;
  int day_of_march_year = (int)(z - march_first(y));
  int from_march = (5 * day_of_march_year + 2) / 153;
  int mon = (from_march + 2) % 12;
  if (mon < 2) y++;
  if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
    errno = EOVERFLOW;
    return NULL;
  }
  tm->tm_year = (int)(y - 1900);
  tm->tm_mon = mon;
  tm->tm_mday = day_of_march_year - (153 * from_march + 2) / 5 + 1;
  tm->tm_yday = (int)(days - days_from_epoch(y, 0, 1));
  tm->tm_wday = (int)floor_mod(days + 4, 7); // 1970-01-01 was a Thursday
  tm->tm_hour = (int)(secs / 3600);
  tm->tm_min = (int)(secs / 60 % 60);
  tm->tm_sec = (int)(secs % 60);
  tm->tm_isdst = 0;
  tm->tm_gmtoff = 0;
  tm->tm_zone = zone;
  return tm;
}

/* The seconds from the epoch of *tm's fields, each of any value (a month of 14, a day of -3). */
static time_t seconds_of(const struct tm *tm) {
  long long year = tm->tm_year + 1900LL + floor_div(tm->tm_mon, 12);
  int mon = (int)floor_mod(tm->tm_mon, 12);
  return days_from_epoch(year, mon, tm->tm_mday) * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
}

struct tm *gmtime_r(const time_t *t, struct tm *result) {
  return to_calendar(*t, result, "GMT");
}

struct tm *localtime_r(const time_t *t, struct tm *result) {
  return to_calendar(*t, result, "UTC");
}

static struct tm shared_tm;

struct tm *gmtime(const time_t *t) {
  return gmtime_r(t, &shared_tm);
}

struct tm *localtime(const time_t *t) {
  return localtime_r(t, &shared_tm);
}

/* Normalizes *tm; -1 with EOVERFLOW, *tm untouched, when the year leaves int's range. */
static time_t normalize(struct tm *tm, time_t t, const char *zone) {
  struct tm r;
  if (!to_calendar(t, &r, zone)) return -1;
  *tm = r;
  return t;
}

/* A tm_isdst > 0 says the fields are summer time, an hour ahead of the zone's (glibc's reading
   for a zone without summer time); the result is standard time. */
time_t mktime(struct tm *tm) {
  return normalize(tm, seconds_of(tm) - (tm->tm_isdst > 0 ? 3600 : 0), "UTC");
}

time_t timegm(struct tm *tm) {
  return normalize(tm, seconds_of(tm), "GMT");
}

/* An int in at least `digits` digits (zeros after the sign), right-aligned in `width` columns. */
static char *put_int(char *p, long long v, int digits, int width) {
  char tmp[24];
  int n = 0;
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  do tmp[n++] = (char)('0' + u % 10); while ((u /= 10) != 0);
  while (n < digits) tmp[n++] = '0';
  if (v < 0) tmp[n++] = '-';
  while (width-- > n) *p++ = ' ';
  while (n > 0) *p++ = tmp[--n];
  return p;
}

static char *put_name(char *p, const char *name, int count) {
  for (int i = 0; i < count; i++) *p++ = name[i];
  return p;
}

/* C's "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", "???" for a day or month out of range, at most
   `room` bytes; NULL with EOVERFLOW when the year is no int or the text needs more room. */
static char *format_asctime(const struct tm *tm, char *buf, int room) {
  if (tm == NULL) {
    errno = EINVAL; // ctime of a time localtime refused
    return NULL;
  }
  long long year = tm->tm_year + 1900LL;
  char text[64]; // names 8, numbers 11 each, separators 7
  char *p = text;
  p = put_name(p, tm->tm_wday >= 0 && tm->tm_wday < 7 ? day_names[tm->tm_wday] : "???", 3);
  *p++ = ' ';
  p = put_name(p, tm->tm_mon >= 0 && tm->tm_mon < 12 ? month_names[tm->tm_mon] : "???", 3);
  p = put_int(p, tm->tm_mday, 1, 3);
  *p++ = ' ';
  p = put_int(p, tm->tm_hour, 2, 0);
  *p++ = ':';
  p = put_int(p, tm->tm_min, 2, 0);
  *p++ = ':';
  p = put_int(p, tm->tm_sec, 2, 0);
  *p++ = ' ';
  p = put_int(p, year, 1, 0);
  *p++ = '\n';
  *p++ = 0;
  if (year > INT_MAX || p - text > room) {
    errno = EOVERFLOW;
    return NULL;
  }
  for (int i = 0; i < p - text; i++) buf[i] = text[i];
  return buf;
}

/* POSIX sizes buf at 26 bytes */
char *asctime_r(const struct tm *tm, char *buf) {
  return format_asctime(tm, buf, 26);
}

static char shared_text[64];

char *asctime(const struct tm *tm) {
  return format_asctime(tm, shared_text, sizeof shared_text);
}

char *ctime_r(const time_t *t, char *buf) {
  struct tm tm;
  return asctime_r(localtime_r(t, &tm), buf);
}

char *ctime(const time_t *t) {
  return asctime(localtime(t));
}

/* strftime's output: the first `room` bytes go to buf; len counts every byte. */
struct sink {
  char *buf;
  size_t room;
  size_t len;
};

static void emit(struct sink *out, char c) {
  if (out->len < out->room) out->buf[out->len] = c;
  out->len++;
}

static int one_of(const char *set, char c) {
  for (; *set; set++) {
    if (*set == c) return 1;
  }
  return 0;
}

/* The ISO 8601 week-based year of *tm and, in *week, its week (1..53): a week belongs to the
   year that holds its Thursday. */
static long long iso_year(const struct tm *tm, int *week) {
  long long year = tm->tm_year + 1900LL;
  long long thursday = tm->tm_yday - floor_mod(tm->tm_wday + 6, 7) + 3; // its day of the year
  if (thursday < 0) {
    year--;
    thursday += 365 + is_leap(year);
  } else if (thursday >= 365 + is_leap(year)) {
    thursday -= 365 + is_leap(year);
    year++;
  }
  *week = (int)(thursday / 7 + 1);
  return year;
}

static void expand(struct sink *out, const char *format, const struct tm *tm);

/*
 * One conversion, from its '%': C99's, with their E and O forms (the same in the C locale),
 * and GNU's flags (_ - 0 pad with spaces, not at all, with zeros; ^ upper case; # upper case
 * for names, lower for %p and %Z), field width, %k %l %P %s. Anything else is copied as
 * written, as glibc does. Returns where the conversion ends.
 */
static const char *convert(struct sink *out, const char *start, const struct tm *tm) {
  const char *f = start + 1;
  char pad_flag = 0;
  int upper = 0, swap = 0, width = -1;
  for (;; f++) {
    if (*f == '_' || *f == '-' || *f == '0') pad_flag = *f;
    else if (*f == '^') upper = 1;
    else if (*f == '#') swap = 1;
    else break;
  }
  if (*f >= '1' && *f <= '9') {
    width = 0;
    while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
  }
  char modifier = 0;
  if (*f == 'E' || *f == 'O') modifier = *f++;
  char c = *f;
  if (c != 0) f++;

  long long year = tm->tm_year + 1900LL;
  int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
  long long number = 0;
  int digits = 2; // a number's width without a width in the format
  char number_pad = '0';
  const char *text = NULL;
  int text_len = -1; // -1: up to its NUL
  const char *composite = NULL;
  int lower = 0;
  int week;
  if (modifier != 0 && !one_of(modifier == 'E' ? "cCxXyY%" : "deHImMSuUVwWy%", c)) c = 0;
  switch (c) {
    case 'a': case 'A':
      text = tm->tm_wday >= 0 && tm->tm_wday < 7 ? day_names[tm->tm_wday] : "?";
      if (c == 'a' && text[1] != 0) text_len = 3;
      upper |= swap;
      break;
    case 'b': case 'h': case 'B':
      text = tm->tm_mon >= 0 && tm->tm_mon < 12 ? month_names[tm->tm_mon] : "?";
      if (c != 'B' && text[1] != 0) text_len = 3;
      upper |= swap;
      break;
    case 'c': composite = "%a %b %e %H:%M:%S %Y"; break;
    case 'C': number = floor_div(year, 100), digits = 1; break;
    case 'd': number = tm->tm_mday; break;
    case 'D': case 'x': composite = "%m/%d/%y"; break;
    case 'e': number = tm->tm_mday, number_pad = ' '; break;
    case 'F': composite = "%Y-%m-%d"; break;
    case 'g': number = floor_mod(iso_year(tm, &week), 100); break;
    case 'G': number = iso_year(tm, &week), digits = 1; break;
    case 'H': number = tm->tm_hour; break;
    case 'I': number = hour12; break;
    case 'j': number = tm->tm_yday + 1LL, digits = 3; break;
    case 'k': number = tm->tm_hour, number_pad = ' '; break;
    case 'l': number = hour12, number_pad = ' '; break;
    case 'm': number = tm->tm_mon + 1LL; break;
    case 'M': number = tm->tm_min; break;
    case 'n': text = "\n"; break;
    case 'p': case 'P':
      text = tm->tm_hour > 11 ? "PM" : "AM";
      lower = c == 'P' || swap;
      break;
    case 'r': composite = "%I:%M:%S %p"; break;
    case 'R': composite = "%H:%M"; break;
    case 's': number = seconds_of(tm) - (tm->tm_isdst > 0 ? 3600 : 0), digits = 1; break;
    case 'S': number = tm->tm_sec; break;
    case 't': text = "\t"; break;
    case 'T': case 'X': composite = "%H:%M:%S"; break;
    case 'u': number = floor_mod(tm->tm_wday + 6, 7) + 1, digits = 1; break;
    case 'U': number = (tm->tm_yday - tm->tm_wday + 7) / 7; break;
    case 'V': iso_year(tm, &week), number = week; break;
    case 'w': number = tm->tm_wday, digits = 1; break;
    case 'W': number = (tm->tm_yday - floor_mod(tm->tm_wday + 6, 7) + 7) / 7; break;
    case 'y': number = floor_mod(year, 100); break;
    case 'Y': number = year, digits = 1; break;
    case 'z': {
      // glibc's flags and widths on %z are its own; a plain +hhmm is what programs ask for
      if (tm->tm_isdst < 0) return f;
      long off = tm->tm_gmtoff;
      emit(out, off < 0 ? '-' : '+');
      long minutes = (off < 0 ? -off : off) / 60;
      char hhmm[24];
      char *end = put_int(hhmm, minutes / 60 * 100 + minutes % 60, 4, 0);
      for (char *p = hhmm; p < end; p++) emit(out, *p);
      return f;
    }
    case 'Z':
      text = tm->tm_isdst < 0 ? "" : tm->tm_zone != NULL ? tm->tm_zone : tzname[0];
      lower = swap;
      break;
    case '%': text = "%"; break;
    default: // not a conversion: copied as written
      text = start;
      text_len = (int)(f - start);
  }

  char buf[80];
  if (composite != NULL) {
    struct sink inner = {buf, sizeof buf - 1, 0};
    expand(&inner, composite, tm);
    text = buf;
    text_len = (int)(inner.len < sizeof buf - 1 ? inner.len : sizeof buf - 1);
  }
  if (text == NULL) {
    // '-' pads only to a width the format gives, and then with spaces
    char pad = pad_flag == '_' ? ' ' : pad_flag == '0' ? '0' : pad_flag == '-' ? ' ' : number_pad;
    int w = width >= 0 ? width : pad_flag == '-' ? 0 : digits;
    int len = (int)(put_int(buf, number, 1, 0) - buf);
    int i = 0;
    if (pad == '0' && number < 0) emit(out, buf[i++]); // zeros go after the sign
    for (int n = len; n < w; n++) emit(out, pad);
    text = buf + i;
    text_len = len - i;
  } else {
    if (text_len < 0) {
      text_len = 0;
      while (text[text_len]) text_len++;
    }
    for (int i = text_len; i < width; i++) emit(out, pad_flag == '0' ? '0' : ' ');
  }
  for (int i = 0; i < text_len; i++) {
    char ch = text[i];
    if ((upper && !lower) && ch >= 'a' && ch <= 'z') ch = (char)(ch - 'a' + 'A');
    if (lower && ch >= 'A' && ch <= 'Z') ch = (char)(ch - 'A' + 'a');
    emit(out, ch);
  }
  return f;
}

static void expand(struct sink *out, const char *format, const struct tm *tm) {
  while (*format) {
    if (*format == '%') {
      format = convert(out, format, tm);
    } else {
      emit(out, *format++);
    }
  }
}

/* The text's length, or 0 (its contents unspecified) when it and its NUL need more than max bytes. */
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm) {
  struct sink out = {s, max, 0};
  expand(&out, format, tm);
  if (out.len >= max) return 0;
  s[out.len] = 0;
  return out.len;
}

/*
 * The clocks of a run that has none: the realtime ones read time()'s instant, (time_t)-1 and
 * 0 ns, every other clock stands at 0, so a program timing itself measures 0; an unknown clock
 * is EINVAL, as glibc's.
 */
static int clock_known(clockid_t clock) {
  return clock >= CLOCK_REALTIME && clock <= CLOCK_TAI && clock != 10;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
  if (!clock_known(clock)) {
    errno = EINVAL;
    return -1;
  }
  int realtime = clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE || clock == CLOCK_REALTIME_ALARM
      || clock == CLOCK_TAI;
  ts->tv_sec = realtime ? (time_t)-1 : 0;
  ts->tv_nsec = 0;
  return 0;
}

int clock_getres(clockid_t clock, struct timespec *res) {
  if (!clock_known(clock)) {
    errno = EINVAL;
    return -1;
  }
  if (res) {
    res->tv_sec = 0;
    res->tv_nsec = 1;
  }
  return 0;
}

/* C11's: TIME_UTC is the realtime clock; another base is 0 (failure) */
int timespec_get(struct timespec *ts, int base) {
  if (base != TIME_UTC) return 0;
  clock_gettime(CLOCK_REALTIME, ts);
  return base;
}

/* Takes no time (nothing could interrupt it); a request outside [0, 1e9) ns is EINVAL, as glibc's. */
int nanosleep(const struct timespec *request, struct timespec *remaining) {
  (void)remaining;
  if (request->tv_nsec < 0 || request->tv_nsec >= 1000000000L || request->tv_sec < 0) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}
