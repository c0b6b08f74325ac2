/* <locale.h>: the "C" locale is the only one (see locale.h). */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

char *setlocale(int category, const char *locale) {
  if (category < LC_CTYPE || category > LC_ALL) {
    errno = EINVAL;
    return NULL;
  }
  if (locale != NULL && locale[0] != 0 && strcmp(locale, "C") != 0 && strcmp(locale, "POSIX") != 0) {
    errno = ENOENT;
    return NULL;
  }
  return "C";
}

struct lconv *localeconv(void) {
  static struct lconv c = {".", "", "", "", "", "", "", "", "", "", CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
      CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX};
  return &c;
}
